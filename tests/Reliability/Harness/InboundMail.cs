using System.Text;

namespace SecureMail.Reliability.Harness;

public static class InboundMail
{
    /// <summary>A plain RFC 5322 message from a customer to the helpdesk, with a Message-ID of its own.</summary>
    public static byte[] Plain(string from, string to, string subject, string body) =>
        Encoding.UTF8.GetBytes(
            $"From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {DateTimeOffset.UtcNow:R}\r\n" +
            $"Message-ID: <{Guid.NewGuid():N}@customer.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n");

    public static Task<HttpResponseMessage> Post(HttpClient mailer, byte[] raw)
    {
        var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("message/rfc822");
        return mailer.PostAsync("/api/v1/inbound", content);
    }
}
