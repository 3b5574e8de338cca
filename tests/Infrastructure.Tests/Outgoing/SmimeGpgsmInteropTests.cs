using System.Text;
using Org.BouncyCastle.Asn1;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Infrastructure.Outgoing;
using SecureMail.TestKit.Outgoing;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Outgoing;

/// <summary>What the composer sends, opened by gpgsm 2.2 (the S/MIME engine of Kleopatra, KMail, GpgOL and mutt
/// through GPGME), which refuses BER with indefinite lengths: each recipient decrypts their own copy, the signature
/// verifies through the intermediate in the message to the root the reader trusts, judged by gpgsm's status lines.</summary>
public sealed class SmimeGpgsmInteropTests(GpgsmReaders readers) : IClassFixture<GpgsmReaders>, IDisposable
{
    private const string Sha256 = "8";

    private readonly OpenSslWorkspace _openssl = new();
    private readonly MimeKitOutgoingMailComposer _composer = new();

    [Fact]
    public void A_signed_mail_verifies_through_the_intermediate_to_the_imported_and_trusted_root()
    {
        var composed = Compose(OutgoingMessages.WithAttachments(), signed: true);

        var (signedPart, signature) = SignedParts(composed.Raw);
        var verified = readers.Carol.Gpgsm.VerifyDetached(signature, signedPart);

        AssertTrustedSignatureOfTheAgent(verified);
        AssertContent(signedPart, withAttachments: true);
        Assert.Equal(("SHA-256", (string?)null), (composed.DigestAlgorithm, composed.Cipher));
    }

    [Fact]
    public void A_reader_who_does_not_trust_the_root_sees_a_good_signature_on_an_untrusted_chain()
    {
        var composed = Compose(OutgoingMessages.Simple(), signed: true);

        var (signedPart, signature) = SignedParts(composed.Raw);
        var verified = readers.Stranger.Gpgsm.VerifyDetached(signature, signedPart);

        Assert.NotNull(verified.Status.Line("GOODSIG"));
        Assert.NotNull(verified.Status.Line("TRUST_UNDEFINED"));
        Assert.Null(verified.Status.Line("TRUST_FULLY"));
        Assert.NotEqual(0, verified.ExitCode);
    }

    [Fact]
    public void An_encrypted_mail_decrypts_to_the_same_bytes_openssl_sees()
    {
        var composed = Compose(OutgoingMessages.WithAttachments(), signed: false, readers.Carol);

        var decrypted = readers.Carol.Gpgsm.Decrypt(EnvelopedData(composed.Raw));

        AssertDecrypted(decrypted, readers.Carol);
        Assert.Equal(0, decrypted.ExitCode);
        Assert.Equal(OpenSslDecrypt(composed.Raw, readers.Carol), decrypted.Output);
        AssertContent(decrypted.Output, withAttachments: true);
        Assert.Equal(((string?)null, "AES-256-CBC"), (composed.DigestAlgorithm, composed.Cipher));
    }

    [Fact]
    public void A_signed_and_encrypted_mail_decrypts_then_verifies()
    {
        var composed = Compose(OutgoingMessages.WithAttachments(), signed: true, readers.Carol);

        var decrypted = readers.Carol.Gpgsm.Decrypt(EnvelopedData(composed.Raw));
        AssertDecrypted(decrypted, readers.Carol);
        var (signedPart, signature) = SignedParts(decrypted.Output);
        var verified = readers.Carol.Gpgsm.VerifyDetached(signature, signedPart);

        AssertTrustedSignatureOfTheAgent(verified);
        AssertContent(signedPart, withAttachments: true);
        Assert.Equal(("SHA-256", "AES-256-CBC"), (composed.DigestAlgorithm, composed.Cipher));
    }

    /// <summary>gpgsm tries the recipients in order and stops at its own, so the reader listed second sees both (ENC_TO),
    /// the other's with NO_SECKEY. It then exits with 2 even after DECRYPTION_OKAY; GPGME, and so the mail clients, go
    /// by the status lines.</summary>
    [Fact]
    public void Each_of_two_recipients_decrypts_their_own_copy_and_nobody_else_can()
    {
        var composed = Compose(OutgoingMessages.Simple(to: ["carol@example.org", "dave@example.net"]), signed: true, readers.Carol, readers.Dave);
        var enveloped = EnvelopedData(composed.Raw);
        var seen = new HashSet<string>();

        foreach (var (reader, other) in new[] { (readers.Carol, readers.Dave), (readers.Dave, readers.Carol) })
        {
            var decrypted = reader.Gpgsm.Decrypt(enveloped);

            AssertDecrypted(decrypted, reader);
            seen.UnionWith(decrypted.Status.Lines("ENC_TO").Select(f => f[0]));
            Assert.All(decrypted.Status.Lines("NO_SECKEY"), f => Assert.Equal(other.KeyId, f[0]));
            var (signedPart, signature) = SignedParts(decrypted.Output);
            AssertTrustedSignatureOfTheAgent(reader.Gpgsm.VerifyDetached(signature, signedPart));
            AssertContent(signedPart, withAttachments: false);
        }

        Assert.Equal(new[] { readers.Carol.KeyId, readers.Dave.KeyId }.Order(), seen.Order());
        var stranger = readers.Stranger.Gpgsm.Decrypt(enveloped);
        Assert.NotNull(stranger.Status.Line("DECRYPTION_FAILED"));
        Assert.Null(stranger.Status.Line("DECRYPTION_OKAY"));
        Assert.Empty(stranger.Output);
    }

    /// <summary>DER has one encoding per value, so parsing and writing DER again changes nothing; BER with indefinite
    /// lengths would come out different.</summary>
    [Fact]
    public void The_signature_and_the_enveloped_data_are_DER()
    {
        var enveloped = EnvelopedData(Compose(OutgoingMessages.Simple(), signed: false, readers.Carol).Raw);
        var (_, signature) = SignedParts(Compose(OutgoingMessages.Simple(), signed: true).Raw);

        Assert.Equal(Convert.ToHexString(enveloped), Convert.ToHexString(Asn1Object.FromByteArray(enveloped).GetEncoded(Asn1Encodable.Der)));
        Assert.Equal(Convert.ToHexString(signature), Convert.ToHexString(Asn1Object.FromByteArray(signature).GetEncoded(Asn1Encodable.Der)));
    }

    public void Dispose() => _openssl.Dispose();

    private ComposedMail Compose(OutgoingMessage message, bool signed, params GpgsmReader[] recipients) =>
        _composer.Compose(message, new SmimeProtection(signed ? readers.AgentSigner : null, recipients.Select(r => r.Recipient).ToList()));

    /// <summary>multipart/signed: the exact bytes of the signed part, and the signature decoded from its base64.</summary>
    private static (byte[] SignedPart, byte[] Signature) SignedParts(byte[] entity)
    {
        Assert.StartsWith("multipart/signed", RawMime.Header(entity, "Content-Type"));
        var parts = RawMime.Parts(entity);
        Assert.Equal(2, parts.Count);
        Assert.StartsWith("application/pkcs7-signature", RawMime.Header(parts[1], "Content-Type"));
        return (parts[0], Base64Body(parts[1]));
    }

    private static byte[] EnvelopedData(byte[] raw)
    {
        Assert.Contains("smime-type=enveloped-data", RawMime.Header(raw, "Content-Type"));
        return Base64Body(raw);
    }

    private static byte[] Base64Body(byte[] entity)
    {
        Assert.Equal("base64", RawMime.Header(entity, "Content-Transfer-Encoding"));
        return Convert.FromBase64String(Encoding.ASCII.GetString(RawMime.Body(entity)));
    }

    private byte[] OpenSslDecrypt(byte[] raw, GpgsmReader reader)
    {
        _openssl.Write("mail.eml", raw);
        _openssl.Write("reader.pem", reader.Identity.PemBytes);
        _openssl.Write("reader.key", Encoding.ASCII.GetBytes(reader.Identity.PrivateKeyPem));
        _openssl.Run("cms", "-decrypt", "-binary", "-in", "mail.eml", "-recip", "reader.pem", "-inkey", "reader.key", "-out", "plain.eml");
        return _openssl.Read("plain.eml");
    }

    /// <summary>DECRYPTION_OKAY, the mail is encrypted to this reader's key, and gpgsm names the cipher it found.</summary>
    private static void AssertDecrypted(GpgsmResult decrypted, GpgsmReader reader)
    {
        Assert.True(decrypted.Status.Line("DECRYPTION_OKAY") is not null, $"gpgsm exited with {decrypted.ExitCode}:\n{decrypted.Status}{decrypted.Log}");
        Assert.Null(decrypted.Status.Line("DECRYPTION_FAILED"));
        Assert.Contains(reader.KeyId, decrypted.Status.Lines("ENC_TO").Select(f => f[0]));
        Assert.Contains("AES256.CBC encrypted data", decrypted.Log);
        Assert.NotEmpty(decrypted.Output);
    }

    /// <summary>GOODSIG and VALIDSIG name the agent's certificate (SHA-1 fingerprint), SHA-256 was the hash, and the
    /// chain ends at a trusted root: TRUST_FULLY.</summary>
    private void AssertTrustedSignatureOfTheAgent(GpgsmResult verified)
    {
        var agent = Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(readers.Agent.Der));
        Assert.True(verified.ExitCode == 0, $"gpgsm exited with {verified.ExitCode}:\n{verified.Status}{verified.Log}");
        Assert.Equal(agent, verified.Status.Line("GOODSIG")?[0]);
        Assert.Null(verified.Status.Line("BADSIG"));
        var valid = verified.Status.Line("VALIDSIG");
        Assert.NotNull(valid);
        Assert.Equal(agent, valid[0]);
        Assert.Equal(Sha256, valid[7]);
        Assert.NotNull(verified.Status.Line("TRUST_FULLY"));
    }

    private static void AssertContent(byte[] entity, bool withAttachments)
    {
        var content = MimeContent.Read(entity);
        Assert.Equal(OutgoingMessages.Body, content.Text);
        if (withAttachments)
            OutgoingMessages.AssertAttachments(content);
    }
}
