using MimeKit;
using MimeKit.Cryptography;
using SecureMail.Application.Tickets.Outgoing;

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
            var signed = SecurityGuard.Run(SecurityOperation.Sign, $"Signing with the certificate {signer.Fingerprint} failed.",
                () => SmimeSigning.Sign(result.Body, signingKey));
            result = result with { Body = signed, DigestAlgorithm = "SHA-256", Signer = signer.Fingerprint };
        }

        if (protection.Recipients.Count > 0)
        {
            var recipients = SmimeKeys.Recipients(protection.Recipients, at);
            var encrypted = SecurityGuard.Run(SecurityOperation.Encrypt, "Encrypting to the recipients' certificates failed.",
                () =>
                {
                    var part = ApplicationPkcs7Mime.Encrypt(context, recipients, result.Body);
                    DerCms.Reencode(part);
                    return part;
                });
            result = result with { Body = encrypted, Cipher = "AES-256-CBC" };
        }

        return result;
    }
}
