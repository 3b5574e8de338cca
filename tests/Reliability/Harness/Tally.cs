using System.Collections.Concurrent;
using System.Net;

namespace SecureMail.Reliability.Harness;

/// <summary>Counts request outcomes by kind: the status code, or how the request failed without one.</summary>
public sealed class Tally
{
    private readonly ConcurrentDictionary<string, int> _kinds = new();

    public int Total => _kinds.Values.Sum();

    public int this[string kind] => _kinds.GetValueOrDefault(kind);

    public int Of(HttpStatusCode status) => this[((int)status).ToString()];

    public int ServerErrors => _kinds.Where(k => k.Key.StartsWith('5')).Sum(k => k.Value);

    public IReadOnlyDictionary<string, int> Kinds => _kinds;

    public void Add(string kind) => _kinds.AddOrUpdate(kind, 1, (_, count) => count + 1);

    public void Add(HttpStatusCode status) => Add(((int)status).ToString());

    /// <summary>Sends, counts the outcome, and returns the response (null when there was none).</summary>
    public async Task<HttpResponseMessage?> Send(Func<Task<HttpResponseMessage>> request)
    {
        try
        {
            var response = await request();
            Add(response.StatusCode);
            return response;
        }
        catch (HttpRequestException e)
        {
            Add(e.HttpRequestError == HttpRequestError.ConnectionError ? "connection refused" : $"no answer ({e.HttpRequestError})");
            return null;
        }
        catch (TaskCanceledException)
        {
            Add("timeout");
            return null;
        }
    }

    public override string ToString() =>
        $"{Total} requests: " + string.Join(", ", _kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} x{k.Value}"));
}
