using System.Text;
using SecureMail.Domain.Inbound;
using SecureMail.TestKit.Inbound;
using SecureMail.TestKit.Pgp;
using static SecureMail.Infrastructure.Tests.Inbound.InboundKeys;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>EFAIL and friends: no MDC, a broken MDC, packets beside the encrypted container, broken armor; and the
/// signature checks BouncyCastle's Verify() does not make (critical subpackets, subkey back signatures).</summary>
public sealed class PgpIntegrityTests
{
    private const string Secret = "the secret plan\n";
    private static readonly PgpTestKey Support = PgpTestKeys.Create("Support", "support@example.com", passphrase: null);

    private static InMemoryInboundKeyring Keyring() =>
        new() { PgpSecretKeys = { new(Support.Fingerprint, Support.SecretKeyRing.GetEncoded()) } };

    private static byte[] PgpMime(byte[] binary) => RawMail.Lines(
        RawMail.Headers + "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"enc\"", "",
        "--enc", "Content-Type: application/pgp-encrypted", "", "Version: 1", "",
        "--enc", "Content-Type: application/octet-stream", "", PgpPackets.Armor(binary).TrimEnd(), "--enc--");

    [Fact]
    public async Task Integrity_protected_data_decrypts()
    {
        var inspection = await InspectAsync(PgpMail.Inline(PgpPackets.Armor(PgpPackets.Encrypt(Support, Secret))), Keyring());

        Assert.Equal(((SecurityCode?)null, "AES-256"), (inspection.Decryption!.Code, inspection.Decryption.Cipher));
        Assert.Equal(Secret, inspection.Content.Body);
    }

    [Fact]
    public async Task Data_without_MDC_is_not_decrypted()
    {
        var raw = PgpMime(PgpPackets.Encrypt(Support, "Content-Type: text/plain\r\n\r\n" + Secret, withIntegrity: false));

        var inspection = await InspectAsync(raw, Keyring());

        Assert.Equal(SecurityCode.NoIntegrity, inspection.Decryption!.Code);
        Assert.Equal(("", 0), (inspection.Content.Body, inspection.Content.Attachments.Count));
    }

    [Fact]
    public async Task A_changed_MDC_discards_the_plaintext()
    {
        var binary = PgpPackets.Encrypt(Support, Secret);
        binary[^1] ^= 0x01;

        var inspection = await InspectAsync(PgpMail.Inline(PgpPackets.Armor(binary)), Keyring());

        Assert.Equal(SecurityCode.NoIntegrity, inspection.Decryption!.Code);
        Assert.DoesNotContain("secret", inspection.Content.Body);
    }

    [Fact]
    public async Task A_packet_after_the_encrypted_container_is_refused()
    {
        var binary = PgpPackets.Encrypt(Support, Secret).Concat(PgpPackets.Literal("unprotected addition")).ToArray();

        var inspection = await InspectAsync(PgpMail.Inline(PgpPackets.Armor(binary)), Keyring());

        Assert.Equal(SecurityCode.Malformed, inspection.Decryption!.Code);
        Assert.Equal("", inspection.Content.Body);
    }

    [Theory]
    [InlineData("-----BEGIN PGP MESSAGE-----\n\nthis is not base64 at all !!!\n-----END PGP MESSAGE-----\n")]
    [InlineData("-----BEGIN PGP MESSAGE-----\n\nhQEMA8bL8n5Y\n=AAAA\n-----END PGP MESSAGE-----\n")]
    public async Task Garbage_armor_is_corrupt(string armored)
    {
        var inspection = await InspectAsync(PgpMail.Inline(armored), Keyring());

        Assert.Equal(SecurityCode.Corrupt, inspection.Decryption!.Code);
    }

    [Fact]
    public async Task Truncated_encrypted_data_is_corrupt()
    {
        var binary = PgpPackets.Encrypt(Support, Secret + new string('x', 2000));

        var inspection = await InspectAsync(PgpMail.Inline(PgpPackets.Armor(binary[..(binary.Length / 2)])), Keyring());

        Assert.Contains(inspection.Decryption!.Code, new SecurityCode?[] { SecurityCode.Corrupt, SecurityCode.NoIntegrity });
        Assert.Equal("", inspection.Content.Body);
    }

    [Fact]
    public async Task A_critical_notation_nobody_understands_invalidates_the_signature()
    {
        var signer = PgpTestKeys.Create("Alice", "alice@example.com", passphrase: null);
        var content = Encoding.ASCII.GetBytes("Content-Type: text/plain\r\n\r\nHello\r\n");
        var signature = PgpPackets.DetachedSignature(signer.PublicKeyRing.GetPublicKey(), signer.PrivateSigningKey(), content, criticalNotation: true);
        var keyring = new InMemoryInboundKeyring { PgpKeys = { Public(signer.PublicKeyBinary()) } };

        var facts = (await InspectAsync(PgpMimeSigned(content, signature), keyring)).Signature!;
        var plain = PgpPackets.DetachedSignature(signer.PublicKeyRing.GetPublicKey(), signer.PrivateSigningKey(), content);

        Assert.Equal(SecurityCode.UnknownCriticalSubpacket, facts.Code);
        Assert.Null((await InspectAsync(PgpMimeSigned(content, plain), keyring)).Signature!.Code);
    }

    [Fact]
    public async Task A_signing_subkey_without_a_back_signature_is_a_bad_key_binding()
    {
        var (ring, subkey, subkeyPrivate) = PgpPackets.WithoutBackSignature("Mallory <mallory@example.com>");
        var content = Encoding.ASCII.GetBytes("Content-Type: text/plain\r\n\r\nHello\r\n");
        var keyring = new InMemoryInboundKeyring { PgpKeys = { Public(ring.GetEncoded()) } };

        var facts = (await InspectAsync(PgpMimeSigned(content, PgpPackets.DetachedSignature(subkey, subkeyPrivate, content)), keyring)).Signature!;

        Assert.Equal(SecurityCode.BadKeyBinding, facts.Code);
        Assert.Equal(Convert.ToHexString(subkey.GetFingerprint()), facts.SigningKeyFingerprint);
    }

    private static byte[] PgpMimeSigned(byte[] content, string armoredSignature) =>
        Encoding.ASCII.GetBytes(RawMail.Headers
            + "Content-Type: multipart/signed; micalg=pgp-sha256; protocol=\"application/pgp-signature\"; boundary=\"sig\"\r\n\r\n"
            + "--sig\r\n" + Encoding.ASCII.GetString(content) + "\r\n--sig\r\nContent-Type: application/pgp-signature\r\n\r\n"
            + armoredSignature.Replace("\r\n", "\n").Replace("\n", "\r\n") + "\r\n--sig--\r\n");
}
