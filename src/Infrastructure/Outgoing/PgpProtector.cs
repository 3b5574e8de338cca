using MimeKit;
using MimeKit.Cryptography;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;
using SecureMail.Infrastructure.Algorithms;

namespace SecureMail.Infrastructure.Outgoing;

/// <summary>PGP/MIME (RFC 3156). Sign only: multipart/signed over the CRLF-canonical body (§5). Encrypt, signed or
/// not: multipart/encrypted (§4); when also signing, the signature is combined inside the encrypted data (§6.2),
/// as Thunderbird and mutt send it: gpg decrypts and verifies it in one pass, and the signer stays hidden.</summary>
internal static class PgpProtector
{
    public static ProtectedBody Apply(MimeEntity body, PgpProtection protection, DateTimeOffset at)
    {
        var signer = protection.Signer is { } s ? PgpKeyChoice.SigningKey(s, at) : null;
        var recipients = protection.Recipients.Select(r => PgpKeyChoice.EncryptionKey(r, at)).ToList();
        var content = CanonicalMime.Bytes(body);

        if (recipients.Count == 0)
        {
            if (signer is null)
                return new ProtectedBody(body, null, null, null);
            var signature = SecurityGuard.Run(new KeyFailure(SecurityOperation.Sign, MailSecuritySystem.PGP, KeyProblem.OperationFailed, signer.Fingerprint),
                () => PgpPackets.DetachedSignature(signer, content, at));
            return new ProtectedBody(Signed(body, signature), "SHA-256", null, signer.Fingerprint);
        }

        var encrypted = SecurityGuard.Run(new KeyFailure(SecurityOperation.Encrypt, MailSecuritySystem.PGP, KeyProblem.OperationFailed),
            () => PgpPackets.Encrypt(recipients, content, signer, at));
        return new ProtectedBody(Encrypted(encrypted.Armored), signer is null ? null : "SHA-256", PgpNames.Cipher(encrypted.Cipher),
            signer?.Fingerprint);
    }

    private static MultipartSigned Signed(MimeEntity body, byte[] armoredSignature)
    {
        var signed = new MultipartSigned();
        signed.ContentType.Parameters["protocol"] = "application/pgp-signature";
        signed.ContentType.Parameters["micalg"] = "pgp-sha256";
        signed.Add(body);
        signed.Add(new ApplicationPgpSignature(new MemoryStream(armoredSignature, writable: false))
        {
            ContentTransferEncoding = ContentEncoding.SevenBit,
        });
        return signed;
    }

    private static MultipartEncrypted Encrypted(byte[] armoredMessage)
    {
        var encrypted = new MultipartEncrypted();
        encrypted.ContentType.Parameters["protocol"] = "application/pgp-encrypted";
        encrypted.Add(new ApplicationPgpEncrypted());
        encrypted.Add(new MimePart("application", "octet-stream")
        {
            Content = new MimeContent(new MemoryStream(armoredMessage, writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = "encrypted.asc" },
            ContentTransferEncoding = ContentEncoding.SevenBit,
        });
        return encrypted;
    }
}
