using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using SecureMail.TestKit.Auth;
using SecureMail.TestKit.Polling;

namespace SecureMail.Bench.Load;

/// <summary>HTTP to the running service, with local HS256 tokens made from the same key the service checks
/// (as scripts/token makes them).</summary>
public sealed class ServiceClient(Uri api, string signingKey) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = api,
        Timeout = TimeSpan.FromMinutes(3),
    };

    private readonly LocalTokens localTokens = new(signingKey, "bench");

    public Task WaitUntilHealthyAsync(TimeSpan timeout) => Eventually.Until(async () =>
    {
        try
        {
            return (await http.GetAsync("/health")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }, timeout, $"the service at {api} to answer /health", TimeSpan.FromMilliseconds(250));

    /// <summary>Waits until /health says Wolverine's warm-up (ADR 19) finished, so the first compose measures what a
    /// user meets once the service has settled. How long that took after /health first answered; null when it is off.</summary>
    public async Task<TimeSpan?> WaitUntilWarmAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var warmUp = await Eventually.Until(async () => (await http.GetFromJsonAsync<JsonElement>("/health")).GetProperty("warmUp").GetString(),
            state => state is "Off" or "Finished", timeout, state => $"the service at {api} to finish its warm-up; it is {state}");
        return warmUp == "Off" ? null : clock.Elapsed;
    }

    public Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string role, object body) =>
        SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) }, role);

    public Task<HttpResponseMessage> SendBytesAsync(string path, string role, byte[] body, string contentType) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new(contentType) } },
        }, role);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string role)
    {
        request.Headers.Authorization = new("Bearer", Token(role));
        return http.SendAsync(request);
    }

    /// <summary>Throws with the body when the answer is not the one expected.</summary>
    public static async Task<HttpResponseMessage> Expect(Task<HttpResponseMessage> sending, params int[] statuses)
    {
        var response = await sending;
        if (!statuses.Contains((int)response.StatusCode))
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: " +
                $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private readonly Dictionary<string, string> tokens = [];

    private string Token(string role)
    {
        lock (tokens)
        {
            if (!tokens.TryGetValue(role, out var token))
                tokens[role] = token = localTokens.For(role, lifetime: TimeSpan.FromHours(4));
            return token;
        }
    }

    public void Dispose() => http.Dispose();
}
