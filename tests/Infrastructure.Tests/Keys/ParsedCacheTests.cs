using System.Text;
using SecureMail.Infrastructure.Keys;

namespace SecureMail.Infrastructure.Tests.Keys;

/// <summary>The cache behind "keys parsed once" (ADR 16): keyed by the whole content, bounded, and never holding a
/// failed parse.</summary>
public class ParsedCacheTests
{
    private sealed record Parsed(string Text);

    [Fact]
    public void The_same_bytes_are_parsed_once_and_answer_the_same_object()
    {
        var cache = new ParsedCache<Parsed>(capacity: 8);
        var parses = 0;
        Parsed Parse(byte[] bytes) { parses++; return new Parsed(Encoding.ASCII.GetString(bytes)); }

        var first = cache.GetOrParse("key material"u8, () => Parse("key material"u8.ToArray()));
        var again = cache.GetOrParse("key material"u8.ToArray(), () => Parse("key material"u8.ToArray()));

        Assert.Same(first, again);
        Assert.Equal(1, parses);
    }

    [Fact]
    public void Bytes_differing_in_one_bit_are_parsed_on_their_own()
    {
        var cache = new ParsedCache<Parsed>(capacity: 8);
        var original = "key material"u8.ToArray();
        var tampered = (byte[])original.Clone();
        tampered[^1] ^= 1;

        var fromOriginal = cache.GetOrParse(original, () => new Parsed("original"));
        var fromTampered = cache.GetOrParse(tampered, () => new Parsed("tampered"));

        Assert.Equal("original", fromOriginal.Text);
        Assert.Equal("tampered", fromTampered.Text);
    }

    [Fact]
    public void Past_its_capacity_it_starts_over()
    {
        var cache = new ParsedCache<Parsed>(capacity: 2);
        var parses = 0;
        Parsed Parse() { parses++; return new Parsed("x"); }

        cache.GetOrParse("a"u8, Parse);
        cache.GetOrParse("b"u8, Parse);
        cache.GetOrParse("c"u8, Parse); // full: cleared, then holds c
        cache.GetOrParse("c"u8, Parse);
        cache.GetOrParse("a"u8, Parse);

        Assert.Equal(4, parses);
    }

    [Fact]
    public void A_parse_that_throws_is_not_remembered()
    {
        var cache = new ParsedCache<Parsed>(capacity: 8);

        Assert.Throws<FormatException>(() => cache.GetOrParse("garbage"u8, () => throw new FormatException("not a key")));
        var parsed = cache.GetOrParse("garbage"u8, () => new Parsed("parsed the second time"));

        Assert.Equal("parsed the second time", parsed.Text);
    }

    [Fact]
    public async Task Callers_racing_on_the_same_bytes_all_get_one_object()
    {
        var cache = new ParsedCache<Parsed>(capacity: 8);
        var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            start.Wait();
            return cache.GetOrParse("shared"u8, () => new Parsed($"parsed by {i}"));
        })).ToList();
        start.Set();

        var results = await Task.WhenAll(tasks);

        Assert.Single(results.Distinct(ReferenceEqualityComparer.Instance));
    }
}
