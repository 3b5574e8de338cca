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

    /// <summary>Sends, counts the outcome, and returns the response (null when there was none) with the outcome's kind.</summary>
    public async Task<(HttpResponseMessage? Response, string Outcome)> Send(Func<Task<HttpResponseMessage>> request)
    {
        string outcome;
        HttpResponseMessage? response = null;
        try
        {
            response = await request();
            outcome = ((int)response.StatusCode).ToString();
        }
        catch (HttpRequestException e)
        {
            outcome = e.HttpRequestError == HttpRequestError.ConnectionError ? "connection refused" : $"no answer ({e.HttpRequestError})";
        }
        catch (TaskCanceledException)
        {
            outcome = "timeout";
        }
        Add(outcome);
        return (response, outcome);
    }

    public override string ToString() =>
        $"{Total} requests: " + string.Join(", ", _kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} x{k.Value}"));
}
