using System.Diagnostics;
using SecureMail.Domain.Inbound;
using SecureMail.TestKit.Inbound;
using SecureMail.TestKit.Pgp;
using SecureMail.TestKit.Smime;
using Xunit.Abstractions;
using static SecureMail.Infrastructure.Tests.Inbound.InboundKeys;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>A key of 16,000 bits in the mail is not used: building it would run Miller-Rabin rounds on its modulus, some
/// twenty seconds here for each one, and a message can carry several.</summary>
public sealed class CarriedKeySizeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_OpenPGP_key_of_sixteen_thousand_bits_is_not_collected()
    {
        var other = PgpTestKeys.Create("Alice", "alice@example.com");
        var raw = RawMail.Lines(RawMail.Headers + "Content-Type: multipart/mixed; boundary=\"keys\"", "",
            "--keys", "Content-Type: text/plain", "", "My keys.",
            "--keys", "Content-Type: application/pgp-keys", "", PgpPackets.Armor(HostilePgp.OversizedKey(16_000, "Alice <alice@example.com>"), "PUBLIC KEY BLOCK").TrimEnd(),
            "--keys", "Content-Type: application/pgp-keys", "", other.PublicKeyArmored().TrimEnd(),
            "--keys--");

        var clock = Stopwatch.StartNew();
        var inspection = await InspectAsync(raw, new InMemoryInboundKeyring());
        output.WriteLine($"a 16,000-bit key and a 2048-bit key carried: read in {clock.ElapsedMilliseconds} ms");

        Assert.Equal(new[] { other.Fingerprint }, inspection.CarriedKeys.Select(k => k.Fingerprint));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"It took {clock.Elapsed}: the big key was used.");
    }

    [Fact]
    public async Task An_S_MIME_signer_certificate_with_a_key_of_sixteen_thousand_bits_is_not_used()
    {
        var raw = RawMail.Lines(RawMail.Headers + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"sig\"", "",
            "--sig", "Content-Type: text/plain", "", "Signed by a big key.",
            "--sig", "Content-Type: application/pkcs7-signature; name=smime.p7s", "Content-Transfer-Encoding: base64", "",
            RawMail.Base64(HostileSmime.SignedByOversizedKey(16_000, "alice@example.com")),
            "--sig--");

        var clock = Stopwatch.StartNew();
        var inspection = await InspectAsync(raw, new InMemoryInboundKeyring());
        output.WriteLine($"a signature by a carried 16,000-bit certificate: status in {clock.ElapsedMilliseconds} ms");

        // The signer is found but its key is never built: the status says the key is too big to check.
        Assert.Equal((SecurityCode.Unsupported, null), (inspection.Signature!.Code, inspection.Signature.Certificate));
        Assert.Contains("16000 bits", inspection.Signature.Detail);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"It took {clock.Elapsed}: the big key was used.");
    }
}
