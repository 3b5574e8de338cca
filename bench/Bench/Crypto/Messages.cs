using System.Text;
using SecureMail.Application.Tickets.Outgoing;

namespace SecureMail.Bench.Crypto;

/// <summary>The 10 KB article every crypto row uses.</summary>
public static class Messages
{
    public static readonly string Body = MakeBody(Harness.BenchOptions.BodyBytes);

    public static OutgoingMessage From(string from, string to, int number) => new(
        $"bench-{number}-{Guid.NewGuid():N}@example.com", from, null, [to], [], $"Benchmark article {number}", Body, null, [], null, [],
        DateTimeOffset.UtcNow);

    /// <summary>Text lines of ordinary words, as an article would have (not one long line, which MIME would fold).</summary>
    private static string MakeBody(int bytes)
    {
        var text = new StringBuilder(bytes + 80);
        var line = 0;
        while (text.Length < bytes)
            text.Append($"Line {line++}: the quick brown fox jumps over the lazy dog, and the helpdesk answers.\n");
        return text.ToString(0, bytes);
    }
}
