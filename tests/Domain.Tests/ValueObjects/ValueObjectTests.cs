using SecureMail.Domain.Common;
using Xunit;

namespace SecureMail.Domain.Tests.ValueObjects;

public sealed class ValueObjectTests
{
    [Theory]
    [InlineData(" Alice@Example.COM ", "alice@example.com")]
    [InlineData("bob@example.org", "bob@example.org")]
    public void An_address_is_normalised_once(string text, string expected)
    {
        Assert.Equal(expected, EmailAddress.Parse(text)!.Value.Value);
        Assert.Equal(EmailAddress.Of(text), EmailAddress.Parse(text));
        Assert.Equal(expected.Split('@')[1], EmailAddress.Of(text).Domain);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("Alice <alice@example.com>")]
    [InlineData(null)]
    public void Text_that_is_not_one_bare_address_is_refused(string? text) => Assert.Null(EmailAddress.Parse(text));

    [Fact]
    public void Distinct_drops_blanks_and_repeats_in_any_case() =>
        Assert.Equal(["a@x.org", "b@x.org"], EmailAddress.Distinct(["A@x.org", " ", "a@X.org", "b@x.org"]).Select(a => a.Value));

    [Fact]
    public void A_fingerprint_matches_whatever_its_separators_and_case()
    {
        var fingerprint = Fingerprint.Parse("ab:cd 12 EF")!.Value;
        Assert.Equal("ABCD12EF", fingerprint.Hex);
        Assert.True(fingerprint.Matches("abcd12ef"));
        Assert.False(fingerprint.Matches("abcd12ee"));
        Assert.True(fingerprint.StartsWith("ab cd"));
        Assert.Null(Fingerprint.Parse("--"));
    }
}
