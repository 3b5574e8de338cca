using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

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

    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
            }
            if (DateTime.UtcNow >= until)
                throw new TimeoutException($"The service at {api} did not become healthy.");
            await Task.Delay(250);
        }
    }

    /// <summary>Waits until /health says Wolverine's warm-up (ADR 19) finished, so the first compose measures what a
    /// user meets once the service has settled. How long that took after /health first answered; null when it is off.</summary>
    public async Task<TimeSpan?> WaitUntilWarmAsync(TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var health = await http.GetFromJsonAsync<JsonElement>("/health");
            switch (health.GetProperty("warmUp").GetString())
            {
                case "Off":
                    return null;
                case "Finished":
                    return clock.Elapsed;
            }
            if (clock.Elapsed >= timeout)
                throw new TimeoutException($"The service at {api} did not finish its warm-up in {timeout}.");
            await Task.Delay(100);
        }
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
                tokens[role] = token = MakeToken(role);
            return token;
        }
    }

    private string MakeToken(string role)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = "secure-mail-local", ["aud"] = "secure-mail", ["sub"] = $"bench-{role}", ["role"] = role,
            ["iat"] = now, ["nbf"] = now, ["exp"] = now + 4 * 3600,
        }));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => http.Dispose();
}
