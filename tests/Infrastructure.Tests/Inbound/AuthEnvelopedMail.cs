using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.X509;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>Authenticated enveloped-data taken out of the application/pkcs7-mime part openssl wrote, and put back
/// changed: bytes flipped in place, fields replaced, or the content sealed again under new authenticated attributes.</summary>
internal static class AuthEnvelopedMail
{
    public static byte[] Cms(byte[] mail)
    {
        var text = Encoding.ASCII.GetString(mail).Replace("\r\n", "\n");
        return Convert.FromBase64String(text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..]);
    }

    public static AuthEnvelopedData Data(byte[] mail) =>
        AuthEnvelopedData.GetInstance(ContentInfo.GetInstance(Asn1Object.FromByteArray(Cms(mail))).Content);

    public static byte[] Mail(byte[] cms) => RawMail.Lines(
        RawMail.Headers + "Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data; name=smime.p7m",
        "Content-Transfer-Encoding: base64", "", RawMail.Base64(cms));

    /// <summary>The mail with the last byte of <paramref name="field"/> flipped where it lies in the encoding.</summary>
    public static byte[] Flipped(byte[] mail, Func<AuthEnvelopedData, byte[]> field)
    {
        var cms = Cms(mail);
        var value = field(Data(mail));
        var at = cms.AsSpan().IndexOf(value);
        Assert.True(at >= 0 && cms.AsSpan(at + 1).IndexOf(value) < 0, "the field's bytes occur exactly once");
        cms[at + value.Length - 1] ^= 0x01;
        return Mail(cms);
    }

    public static byte[] Rebuilt(AuthEnvelopedData data, Asn1Encodable? gcmParameters = null, Asn1OctetString? mac = null,
        Asn1Set? authAttrs = null, Asn1OctetString? ciphertext = null, bool withoutContent = false)
    {
        var content = data.AuthEncryptedContentInfo;
        var algorithm = new AlgorithmIdentifier(content.ContentEncryptionAlgorithm.Algorithm,
            gcmParameters ?? content.ContentEncryptionAlgorithm.Parameters);
        var encrypted = new EncryptedContentInfo(content.ContentType, algorithm,
            withoutContent ? null : ciphertext ?? content.EncryptedContent);
        var rebuilt = new AuthEnvelopedData(data.OriginatorInfo, data.RecipientInfos, encrypted,
            authAttrs ?? data.AuthAttrs, mac ?? data.Mac, data.UnauthAttrs);
        return Mail(new ContentInfo(CmsObjectIdentifiers.AuthEnvelopedData, rebuilt).GetEncoded(Asn1Encodable.Der));
    }

    /// <summary>The same content sealed again (new nonce) with <paramref name="authAttrs"/> as the additional
    /// authenticated data, in their DER SET OF encoding (RFC 5083 §2.2); the content key is recovered with the
    /// recipient's private key, as openssl's first recipient has it.</summary>
    public static byte[] Resealed(byte[] mail, TestCertificate recipient, Asn1Set authAttrs)
    {
        var data = Data(mail);
        var transport = KeyTransRecipientInfo.GetInstance(RecipientInfo.GetInstance(data.RecipientInfos[0]).Info);
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(recipient.Pkcs8Der, out _);
        var key = rsa.Decrypt(transport.EncryptedKey.GetOctets(), RSAEncryptionPadding.Pkcs1);

        var gcm = GcmParameters.GetInstance(data.AuthEncryptedContentInfo.ContentEncryptionAlgorithm.Parameters);
        var ciphertext = data.AuthEncryptedContentInfo.EncryptedContent.GetOctets();
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(gcm.GetNonce(), ciphertext, data.Mac.GetOctets(), plaintext);

        var nonce = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        aes.Encrypt(nonce, plaintext, ciphertext, tag, authAttrs.GetEncoded(Asn1Encodable.Der));
        return Rebuilt(data, new GcmParameters(nonce, 16), new DerOctetString(tag), authAttrs, new DerOctetString(ciphertext));
    }
}
