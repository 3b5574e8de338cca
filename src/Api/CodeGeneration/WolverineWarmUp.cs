using System.Collections.Concurrent;
using System.Diagnostics;
using JasperFx.CodeGeneration;
using Wolverine.Http;
using Wolverine.Runtime.Handlers;

namespace SecureMail.Api.CodeGeneration;

public enum WarmUpState { Off, Running, Finished }

/// <summary>Compiles Wolverine's generated code for every HTTP endpoint and message handler on a thread of its own
/// once the host has started, so the first request of each kind does not wait for Roslyn (ADR 19). It only builds:
/// no handler runs, no message is sent, nothing is written.</summary>
public sealed class WolverineWarmUp(ILogger<WolverineWarmUp> logger)
{
    private readonly ConcurrentDictionary<HttpChain, Lazy<bool>> endpoints = new();
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HttpGraph? http;
    private IServiceProvider? services;

    // Written by the warm-up thread, read by every request while it runs.
    private volatile WarmUpState state = WarmUpState.Off;

    public WarmUpState State => state;

    /// <summary>Completes when every chain was compiled or failed to; never when the warm-up is off.</summary>
    public Task Finished => finished.Task;

    public void Prepare(HttpGraph graph, IServiceProvider provider)
    {
        (http, services, state) = (graph, provider, WarmUpState.Running);
    }

    public void Start(CancellationToken stopping) =>
        Task.Factory.StartNew(() => Run(stopping), stopping, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Compiles an endpoint's code unless the warm-up did already. A request calls this before Wolverine's own
    /// lazy build: two threads compiling one chain at once would leave Wolverine's build with an empty assembly.</summary>
    public bool EnsureCompiled(HttpChain chain) => endpoints.GetOrAdd(chain, c => new Lazy<bool>(() => Compile(c))).Value;

    private void Run(CancellationToken stopping)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            var handlers = services!.GetRequiredService<HandlerGraph>();
            var work = http!.Chains.Select(chain => (Func<bool>)(() => EnsureCompiled(chain)))
                .Concat(handlers.Chains.SelectMany(chain => HandlerWork(handlers, chain)))
                .ToList();
            var failed = 0;
            foreach (var compile in work)
            {
                if (stopping.IsCancellationRequested)
                    return;
                if (!compile())
                    failed++;
            }
            state = WarmUpState.Finished;
            finished.TrySetResult();
            logger.LogInformation("Wolverine warm-up compiled {Compiled} of {Chains} chains ({Endpoints} HTTP endpoints, {Handlers} message handlers) in {Milliseconds} ms",
                work.Count - failed, work.Count, http.Chains.Count, work.Count - http.Chains.Count, clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            logger.LogWarning(e, "Wolverine warm-up stopped; what it did not reach compiles on first use");
        }
        catch (Exception)
        {
            // The host is stopping under it: nothing left to warm.
        }
    }

    /// <summary>A message type's handler, and its handler per endpoint if it has sticky ones.</summary>
    private IEnumerable<Func<bool>> HandlerWork(HandlerGraph handlers, HandlerChain chain)
    {
        if (chain.Handlers.Any())
            yield return () => Compile(chain, () => handlers.HandlerFor(chain.MessageType));
        foreach (var sticky in chain.ByEndpoint.Where(c => c.Endpoints.Any()))
            yield return () => Compile(sticky, () => handlers.HandlerFor(chain.MessageType, sticky.Endpoints[0]));
    }

    private bool Compile(HttpChain chain)
    {
        try
        {
            chain.InitializeSynchronously(http!.Rules, http, services);
            return true;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Wolverine warm-up could not compile the endpoint {Endpoint}; its requests will fail", chain.DisplayName);
            return false;
        }
    }

    /// <summary>Through <see cref="HandlerGraph.HandlerFor(Type)"/>, which compiles under Wolverine's own lock and keeps
    /// the handler it builds, as a first message would.</summary>
    private bool Compile(HandlerChain chain, Func<object?> handlerFor)
    {
        try
        {
            handlerFor();
            return true;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Wolverine warm-up could not compile the handler of {MessageType}; it will fail when such a message arrives",
                chain.MessageType.FullName);
            return false;
        }
    }
}
