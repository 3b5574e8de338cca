using System.Diagnostics;
using System.Text;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.TestKit.Inbound;
using SecureMail.TestKit.Pgp;
using Xunit.Abstractions;
using static SecureMail.Infrastructure.Tests.Inbound.InboundKeys;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>MIME parts are counted before MimeKit builds them: past 1000 parts or 32 levels of nesting, the content is a
/// note and a security layer the root claims is failed with the reason; up to the limits, everything is read.</summary>
public sealed class MimeBudgetTests(ITestOutputHelper output)
{
    private const string TooManyParts = "The message holds more than 1000 MIME parts";
    private const string TooDeep = "The message nests MIME parts more than 32 levels deep";

    [Fact]
    public async Task A_hundred_thousand_parts_are_not_read()
    {
        var raw = Mixed(100_000);

        var clock = Stopwatch.StartNew();
        var inspection = await InspectAsync(raw, new InMemoryInboundKeyring());
        output.WriteLine($"{raw.Length / 1048576.0:0.0} MB, 100,000 parts: status in {clock.ElapsedMilliseconds} ms");

        Assert.Equal((null, null), (inspection.Decryption, inspection.Signature));
        Assert.Equal($"{TooManyParts}; its content was not read.", inspection.Content.Body);
        Assert.Empty(inspection.Content.Attachments);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"It took {clock.Elapsed}.");
    }

    [Fact]
    public async Task Ten_thousand_levels_of_nesting_are_not_read()
    {
        var raw = Nested(10_000);

        var clock = Stopwatch.StartNew();
        var inspection = await InspectAsync(raw, new InMemoryInboundKeyring());
        output.WriteLine($"10,000 levels: status in {clock.ElapsedMilliseconds} ms");

        Assert.Equal($"{TooDeep}; its content was not read.", inspection.Content.Body);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"It took {clock.Elapsed}.");
    }

    [Theory]
    [InlineData(999, 998)]
    [InlineData(1000, -1)]
    public async Task A_thousand_parts_are_read_and_one_more_is_not(int leaves, int attachments)
    {
        var inspection = await InspectAsync(Mixed(leaves), new InMemoryInboundKeyring());

        if (attachments < 0)
            Assert.Equal($"{TooManyParts}; its content was not read.", inspection.Content.Body);
        else
            Assert.Equal(("part 0", attachments), (inspection.Content.Body, inspection.Content.Attachments.Count));
    }

    [Theory]
    [InlineData(32, true)]
    [InlineData(33, false)]
    public async Task Nesting_is_read_to_the_innermost_part_up_to_the_limit(int depth, bool read)
    {
        var inspection = await InspectAsync(Nested(depth), new InMemoryInboundKeyring());

        Assert.Equal(read ? "deep" : $"{TooDeep}; its content was not read.", inspection.Content.Body.TrimEnd());
    }

    [Fact]
    public async Task A_signed_root_over_the_budget_is_an_invalid_signature()
    {
        var raw = Encoding.ASCII.GetBytes(RawMail.Headers
            + "Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; micalg=pgp-sha256; boundary=\"sig\"\r\n\r\n"
            + "--sig\r\n" + Entity(2000) + "\r\n--sig\r\nContent-Type: application/pgp-signature\r\n\r\nnot read\r\n--sig--\r\n");

        var inspection = await InspectAsync(raw, new InMemoryInboundKeyring());

        Assert.Null(inspection.Decryption);
        Assert.Equal((MailSecuritySystem.PGP, SecurityCode.TooComplex, $"{TooManyParts}; it was not checked."),
            (inspection.Signature!.System, inspection.Signature.Code, inspection.Signature.Detail));
        Assert.Equal($"{TooManyParts}; its content was not read.", inspection.Content.Body);
    }

    [Fact]
    public async Task Decrypted_content_over_the_budget_stays_decrypted_and_unread()
    {
        var support = PgpTestKeys.Create("Support", "support@example.com", passphrase: null);
        var keyring = new InMemoryInboundKeyring { PgpSecretKeys = { new(support.Fingerprint, support.SecretKeyRing.GetEncoded()) } };
        var signedInside = "Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; boundary=\"sig\"\r\n\r\n"
            + "--sig\r\n" + Entity(2000) + "\r\n--sig\r\nContent-Type: application/pgp-signature\r\n\r\nnot read\r\n--sig--\r\n";

        var inspection = await InspectAsync(PgpMime(PgpPackets.Encrypt(support, signedInside)), keyring);

        Assert.Null(inspection.Decryption!.Code);
        Assert.Equal((SecurityCode.TooComplex, $"{TooManyParts}; it was not checked."), (inspection.Signature!.Code, inspection.Signature.Detail));
        Assert.Equal($"{TooManyParts}; its content was not read.", inspection.Content.Body);
    }

    private static byte[] PgpMime(byte[] binary) => RawMail.Lines(
        RawMail.Headers + "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"enc\"", "",
        "--enc", "Content-Type: application/pgp-encrypted", "", "Version: 1", "",
        "--enc", "Content-Type: application/octet-stream", "", PgpPackets.Armor(binary).TrimEnd(), "--enc--");

    /// <summary>A message whose multipart/mixed holds <paramref name="leaves"/> text parts.</summary>
    private static byte[] Mixed(int leaves) => Encoding.ASCII.GetBytes(RawMail.Headers + Entity(leaves));

    private static string Entity(int leaves)
    {
        var builder = new StringBuilder("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        for (var i = 0; i < leaves; i++)
            builder.Append(i == 0 ? "--b\r\nContent-Type: text/plain\r\n\r\npart 0\r\n" : $"--b\r\nContent-Type: text/plain; name=\"{i}.txt\"\r\n\r\n{i}\r\n");
        return builder.Append("--b--\r\n").ToString();
    }

    /// <summary>A message whose body is <paramref name="depth"/> multiparts, each inside the one before, around one text part.</summary>
    private static byte[] Nested(int depth)
    {
        var builder = new StringBuilder(RawMail.Headers);
        for (var i = 0; i < depth; i++)
            builder.Append($"Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n");
        builder.Append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        for (var i = depth - 1; i >= 0; i--)
            builder.Append($"--b{i}--\r\n");
        return Encoding.ASCII.GetBytes(builder.ToString());
    }
}
