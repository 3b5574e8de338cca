using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Api.CodeGeneration;
using SecureMail.Api.Tests.Support;
using SecureMail.Api.Tests.Tickets;

namespace SecureMail.Api.Tests.CodeGeneration;

/// <summary>A service of its own, started fresh: after its warm-up, a user's first requests, and the messages they
/// queue, find their code compiled. Run with <c>Wolverine__WarmUp=false</c> and the test fails, naming what the
/// requests compiled.</summary>
public sealed class WarmUpTests : IAsyncLifetime
{
    private readonly CompilationLog compilations = new();
    private readonly ServiceFixture service;

    public WarmUpTests() =>
        service = new ServiceFixture("warm_up_tests", web => web.ConfigureTestServices(s => s.AddSingleton<IAssemblyGenerator>(compilations)));

    public Task InitializeAsync() => service.InitializeAsync();

    public Task DisposeAsync() => service.DisposeAsync();

    [Fact]
    public async Task After_the_warm_up_the_first_compose_and_its_delivery_compile_nothing()
    {
        var warmUp = service.Host.Services.GetRequiredService<WolverineWarmUp>();
        if (warmUp.State != WarmUpState.Off)
            await warmUp.Finished.WaitAsync(TimeSpan.FromMinutes(2));
        var byWarmUp = compilations.Compiled;
        Assert.Equal(0L, await Database.Scalar<long>("select count(*) from warm_up_tests.mt_events"));

        var helpdesk = new Helpdesk(service);
        await helpdesk.Configure();
        await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var (ticketId, articleId, messageId) = await helpdesk.Composed(
            await helpdesk.Compose([helpdesk.Mailbox("alice")], new { type = "SMIME", sign = true, encrypt = false }));
        await service.Delivered(messageId);
        Assert.Equal("delivered", (string)(await helpdesk.Article(ticketId, articleId))["delivery"]!["status"]!);

        var byRequests = compilations.Compiled.Skip(byWarmUp.Count).ToList();
        Assert.True(byRequests.Count == 0, $"The first requests compiled {string.Join(", ", byRequests)}.");
        Assert.NotEmpty(byWarmUp);
    }
}
