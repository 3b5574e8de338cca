using System.Text;
using MimeKit;
using MimeKit.Cryptography;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Delivery;

/// <summary>Messages written out by hand, with the details a careless re-encoder would change.</summary>
internal static class TestMessages
{
    public static byte[] Plain(string to = "bob@example.test", string extraHeaders = "") => Ascii(
        "From: Helpdesk <helpdesk@example.test>\r\n" +
        $"To: {to}\r\n" +
        extraHeaders +
        "Subject:  two  spaces and a folded\r\n\tcontinuation line\r\n" +
        "Date: Tue, 03 Mar 2026 10:00:00 +0000\r\n" +
        "Message-ID: <plain-1@example.test>\r\n" +
        "MIME-Version: 1.0\r\n" +
        "Content-Type: text/plain; charset=us-ascii\r\n" +
        "Content-Transfer-Encoding: 7bit\r\n" +
        "\r\n" +
        "Hello,\r\n" +
        ".a line that starts with a dot\r\n" +
        ".\r\n" +
        "From the beginning of a line\r\n" +
        "trailing blanks   \r\n" +
        "\r\n");

    public static byte[] EightBit() => Encoding.UTF8.GetBytes(
        "From: helpdesk@example.test\r\n" +
        "To: bob@example.test\r\n" +
        "Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n" +
        "MIME-Version: 1.0\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n" +
        "Content-Transfer-Encoding: 8bit\r\n" +
        "\r\n" +
        "Grüße, ça va? Ελληνικά\r\n" +
        "From a line that mbox would escape\r\n");

    /// <summary>A multipart/signed message (RFC 8551 §3.5.3) whose signed part holds 8-bit UTF-8,
    /// trailing blanks and dot-lines: bytes that re-encoding or whitespace trimming would change.</summary>
    public static byte[] Signed(TestCertificate signer)
    {
        var signedPart = Encoding.UTF8.GetBytes(
            "Content-Type: text/plain; charset=utf-8\r\n" +
            "Content-Transfer-Encoding: 8bit\r\n" +
            "\r\n" +
            "Grüße aus dem Helpdesk  \r\n" +
            ".\r\n" +
            "..two dots\r\n" +
            "From here on\r\n" +
            "tab\tat the end\t\r\n");
        using var context = new TemporarySecureMimeContext();
        var signature = context.Sign(new CmsSigner(signer.Certificate, signer.Key.Private) { DigestAlgorithm = DigestAlgorithm.Sha256 },
            new MemoryStream(signedPart));

        using var raw = new MemoryStream();
        raw.Write(Ascii(
            "From: helpdesk@example.test\r\n" +
            "To: bob@example.test\r\n" +
            "Subject: signed\r\n" +
            "MIME-Version: 1.0\r\n" +
            "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\";\r\n" +
            " micalg=sha-256; boundary=\"=-boundary-=\"\r\n" +
            "\r\n" +
            "This is a cryptographically signed message in MIME format.\r\n" +
            "\r\n" +
            "--=-boundary-=\r\n"));
        raw.Write(signedPart);
        raw.Write(Ascii("\r\n--=-boundary-=\r\n"));
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        signature.WriteTo(format, raw);
        raw.Write(Ascii("\r\n--=-boundary-=--\r\n"));
        return raw.ToArray();
    }

    /// <summary>Checks the signature against the bytes as they arrived, as the recipient's client would.</summary>
    public static void VerifySignature(byte[] received)
    {
        var message = MimeMessage.Load(new MemoryStream(received));
        var signed = Assert.IsType<MultipartSigned>(message.Body);
        using var context = new TemporarySecureMimeContext();
        var signature = Assert.Single(signed.Verify(context));
        Assert.True(signature.Verify(verifySignatureOnly: true));
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
