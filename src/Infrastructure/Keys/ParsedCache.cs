using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SecureMail.Infrastructure.Keys;

/// <summary>Objects parsed from bytes, found again by the SHA-256 of those bytes: a parse is a pure function of its
/// input, so the same bytes always give the same object. Bounded: past the capacity it starts over (ADR 16).</summary>
internal sealed class ParsedCache<T>(int capacity) where T : class
{
    private readonly ConcurrentDictionary<string, T> entries = new();

    public T GetOrParse(ReadOnlySpan<byte> source, Func<T> parse)
    {
        var key = Convert.ToBase64String(SHA256.HashData(source));
        if (entries.TryGetValue(key, out var found))
            return found;
        var parsed = parse();
        if (entries.Count >= capacity)
            entries.Clear();
        return entries.GetOrAdd(key, parsed);
    }
}
