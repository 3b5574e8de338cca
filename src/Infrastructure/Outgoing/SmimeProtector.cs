using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Asn1.Cms;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;
using SecureMail.Infrastructure.Algorithms;

namespace SecureMail.Infrastructure.Outgoing;

/// <summary>S/MIME: a detached signature (multipart/signed) with the chain attached, then enveloped-data for every
/// recipient (RFC 8551 §3.5: sign first, then encrypt).</summary>
internal static class SmimeProtector
{
    public static ProtectedBody Apply(MimeEntity body, SmimeProtection protection, DateTimeOffset at)
    {
        using var context = new KeysPassedInSecureMimeContext();
        var result = new ProtectedBody(body, null, null, null);

        if (protection.Signer is { } signer)
        {
            var signingKey = SmimeKeys.Signer(signer, at);
            var signed = SecurityGuard.Run(new KeyFailure(SecurityOperation.Sign, MailSecuritySystem.SMIME, KeyProblem.OperationFailed, signer.Fingerprint),
                () => SmimeSigning.Sign(result.Body, signingKey));
            result = result with { Body = signed, DigestAlgorithm = "SHA-256", Signer = signer.Fingerprint };
        }

        if (protection.Recipients.Count > 0)
        {
            var recipients = SmimeKeys.Recipients(protection.Recipients, at);
            var (encrypted, cipher) = SecurityGuard.Run(new KeyFailure(SecurityOperation.Encrypt, MailSecuritySystem.SMIME, KeyProblem.OperationFailed),
                () => Encrypt(context, recipients, result.Body));
            result = result with { Body = encrypted, Cipher = cipher };
        }

        return result;
    }

    /// <summary>MimeKit picks the content cipher from the recipients' capabilities; the name recorded is read back from
    /// the enveloped-data that was written, so it cannot drift from what the recipients receive.</summary>
    private static (ApplicationPkcs7Mime Part, string Cipher) Encrypt(SecureMimeContext context, CmsRecipientCollection recipients, MimeEntity body)
    {
        var part = ApplicationPkcs7Mime.Encrypt(context, recipients, body);
        var algorithm = EnvelopedData.GetInstance(DerCms.Reencode(part).Content).EncryptedContentInfo.ContentEncryptionAlgorithm.Algorithm.Id;
        return (part, CmsNames.Cipher(algorithm) ?? algorithm);
    }
}
