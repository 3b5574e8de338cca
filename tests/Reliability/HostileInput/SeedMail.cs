using System.Net;
using System.Text;
using SecureMail.Reliability.Harness;

namespace SecureMail.Reliability.HostileInput;

/// <summary>Valid mail to start mutating from: what one group of the service sends another, signed and encrypted with
/// S/MIME and PGP (so the seeds decrypt and verify when posted back), plus plain, HTML and attachment shapes.</summary>
public static class SeedMail
{
    public const string Body = "Hello,\nthe invoice is attached.\n";

    public static async Task<IReadOnlyList<byte[]>> BuildAsync(ServiceNode node, Helpdesk recipient, Helpdesk sender)
    {
        using var agent = node.Client("agent");
        var seeds = new List<byte[]>();
        object?[] securities =
        [
            new { type = "SMIME", sign = true, encrypt = true }, new { type = "SMIME", sign = true, encrypt = false },
            new { type = "SMIME", sign = false, encrypt = true }, new { type = "PGP", sign = true, encrypt = true },
            new { type = "PGP", sign = true, encrypt = false }, null,
        ];
        foreach (var security in securities)
        {
            var response = await sender.Open(agent, recipient.Address, Body, security,
                attachments: [new { fileName = "invoice.txt", contentType = "text/plain", base64 = Convert.ToBase64String("total: 42"u8.ToArray()) }]);
            await Helpdesk.Expect(response, HttpStatusCode.Created);
            var (ticketId, articleId) = await Helpdesk.Ids(response);
            seeds.Add(await agent.GetByteArrayAsync($"/api/v1/tickets/{ticketId}/articles/{articleId}/raw"));
        }
        seeds.Add(Shape(sender.Address, recipient.Address, "Content-Type: multipart/alternative; boundary=\"alt\"",
            "--alt\r\nContent-Type: text/plain\r\n\r\nplain\r\n--alt\r\nContent-Type: text/html\r\n\r\n<p>html <b>bold</b></p>\r\n--alt--\r\n"));
        seeds.Add(Shape(sender.Address, recipient.Address, "Content-Type: multipart/mixed; boundary=\"mix\"",
            "--mix\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nGr=FC=DFe\r\n" +
            "--mix\r\nContent-Type: application/octet-stream; name=\"a.bin\"\r\nContent-Disposition: attachment; filename=\"a.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAECAwQFBgcICQ==\r\n--mix--\r\n"));
        return seeds;
    }

    private static byte[] Shape(string from, string to, string contentType, string body) =>
        Encoding.UTF8.GetBytes($"From: {from}\r\nTo: {to}\r\nSubject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\nDate: {DateTimeOffset.UtcNow:R}\r\n" +
                               $"Message-ID: <{Guid.NewGuid():N}@seed.example>\r\nMIME-Version: 1.0\r\n{contentType}\r\n\r\n{body}");
}
