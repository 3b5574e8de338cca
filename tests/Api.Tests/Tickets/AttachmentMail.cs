using System.Security.Cryptography;
using System.Text;
using SecureMail.TestKit.Smime;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>Incoming mail with attachments as a mail client writes it: MIME entities by hand, S/MIME layers by openssl.</summary>
internal static class AttachmentMail
{
    /// <summary>Random bytes, with <paramref name="marker"/> (ASCII) in the middle when given.</summary>
    public static byte[] Random(int length, string? marker = null)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        if (marker is not null)
            Encoding.ASCII.GetBytes(marker).CopyTo(bytes, length / 2);
        return bytes;
    }

    public static string Text(string text) => $"Content-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n";

    public static string Html(string html) => $"Content-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n";

    public static string Attachment(string fileName, string contentType, byte[] content) =>
        $"Content-Type: {contentType}; name=\"{fileName}\"\r\nContent-Disposition: attachment; filename=\"{fileName}\"\r\n" +
        $"Content-Transfer-Encoding: base64\r\n\r\n{Base64Lines(content)}";

    /// <summary>An image an HTML body shows through cid: (RFC 2392), with no Content-Disposition, as mail clients send it.</summary>
    public static string InlineImage(string fileName, string contentId, byte[] content) =>
        $"Content-Type: image/png; name=\"{fileName}\"\r\nContent-ID: <{contentId}>\r\nContent-Transfer-Encoding: base64\r\n\r\n{Base64Lines(content)}";

    public static string Multipart(string subtype, params string[] parts)
    {
        var boundary = $"=_{Guid.NewGuid():N}";
        var related = subtype == "related" ? "; type=\"text/html\"" : "";
        return $"Content-Type: multipart/{subtype}; boundary=\"{boundary}\"{related}\r\n\r\n"
            + string.Concat(parts.Select(p => $"--{boundary}\r\n{p}\r\n")) + $"--{boundary}--\r\n";
    }

    public static byte[] Plain(string from, string to, string entity) =>
        Encoding.UTF8.GetBytes($"From: {from}\r\nTo: {to}\r\nSubject: With attachments\r\nMIME-Version: 1.0\r\n{entity}");

    /// <summary>openssl cms -sign: multipart/signed, or with <paramref name="opaque"/> signed-data with the content inside.</summary>
    public static byte[] Signed(OpenSslWorkspace openssl, TestCertificate signer, string from, string to, string entity, bool opaque = false)
    {
        Sign(openssl, signer, entity, opaque);
        return Headers(from, to, openssl.Read("signed.eml"));
    }

    /// <summary>openssl cms -sign | openssl cms -encrypt -aes256.</summary>
    public static byte[] SignedAndEncrypted(OpenSslWorkspace openssl, TestCertificate signer, TestCertificate recipient, string from, string to, string entity)
    {
        Sign(openssl, signer, entity, opaque: false);
        openssl.Write("recipient.pem", Encoding.ASCII.GetBytes(recipient.Pem));
        openssl.Run("cms", "-encrypt", "-aes256", "-in", "signed.eml", "-from", from, "-to", to, "-subject", "Encrypted attachments",
            "-out", "mail.eml", "recipient.pem");
        return openssl.Read("mail.eml");
    }

    private static void Sign(OpenSslWorkspace openssl, TestCertificate signer, string entity, bool opaque)
    {
        openssl.Write("entity.eml", Encoding.UTF8.GetBytes(entity));
        openssl.Write("signer.pem", Encoding.ASCII.GetBytes(signer.Pem));
        openssl.Write("signer.key", Encoding.ASCII.GetBytes(signer.PrivateKeyPem));
        openssl.Run(["cms", "-sign", "-in", "entity.eml", "-signer", "signer.pem", "-inkey", "signer.key", "-out", "signed.eml",
            .. opaque ? new[] { "-nodetach" } : []]);
    }

    private static byte[] Headers(string from, string to, byte[] entity) =>
        [.. Encoding.ASCII.GetBytes($"From: {from}\r\nTo: {to}\r\nSubject: Signed attachments\r\n"), .. entity];

    private static string Base64Lines(byte[] content) =>
        string.Concat(Convert.ToBase64String(content).Chunk(76).Select(line => new string(line) + "\r\n"));
}
