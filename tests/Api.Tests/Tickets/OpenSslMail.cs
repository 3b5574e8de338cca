using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Smime;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>Incoming mail as a customer's S/MIME client would make it, with openssl.</summary>
public static class OpenSslMail
{
    /// <summary>openssl cms -sign | openssl cms -encrypt -aes256 (or another cipher), with RFC 5322 headers.</summary>
    public static byte[] SignedAndEncrypted(OpenSslWorkspace openssl, string from, string to, TestCertificate signer, TestCertificate recipient, string text,
        bool withoutCertificate = false, string cipher = "-aes256")
    {
        openssl.Write("body.txt", Encoding.UTF8.GetBytes(text));
        openssl.Write("signer.pem", Encoding.ASCII.GetBytes(signer.Pem));
        openssl.Write("signer.key", Encoding.ASCII.GetBytes(signer.PrivateKeyPem));
        openssl.Write("recipient.pem", Encoding.ASCII.GetBytes(recipient.Pem));
        openssl.Run(["cms", "-sign", "-in", "body.txt", "-text", "-signer", "signer.pem", "-inkey", "signer.key", "-out", "signed.eml",
            .. withoutCertificate ? new[] { "-nocerts" } : []]);
        openssl.Run("cms", "-encrypt", cipher, "-in", "signed.eml", "-from", from, "-to", to, "-subject", "Secret question", "-out", "mail.eml", "recipient.pem");
        return openssl.Read("mail.eml");
    }
    /// <summary>openssl cms -sign with the signer's certificate and key files (PEM) in <paramref name="openssl"/>, with RFC 5322 headers.</summary>
    public static byte[] Signed(OpenSslWorkspace openssl, string from, string to, string certificateFile, string keyFile, string text)
    {
        openssl.Write("body.txt", Encoding.UTF8.GetBytes(text));
        openssl.Run("cms", "-sign", "-in", "body.txt", "-text", "-signer", certificateFile, "-inkey", keyFile,
            "-from", from, "-to", to, "-subject", "Signed question", "-out", "signed.eml");
        return openssl.Read("signed.eml");
    }
}
