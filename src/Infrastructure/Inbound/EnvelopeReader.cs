using MimeKit;
using MimeKit.Utils;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>The headers needed for threading and key lookup, read leniently: a header that cannot be parsed is left
/// out, never an exception.</summary>
internal static class EnvelopeReader
{
    private static readonly InboundEnvelope Nothing = new([], null, [], [], [], "", null, null, [], null);

    public static InboundEnvelope Read(byte[] raw)
    {
        HeaderList headers;
        try
        {
            headers = InboundMime.Headers(raw);
        }
        catch (Exception)
        {
            return Nothing;
        }

        var from = Mailboxes(headers, "From");
        return new InboundEnvelope(
            From: from.Select(m => m.Address).ToList(),
            FromName: from.Select(m => m.Name).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
            To: Addresses(headers, "To"),
            Cc: Addresses(headers, "Cc"),
            DeliveredTo: Addresses(headers, "Delivered-To"),
            Subject: Safe(() => headers[HeaderId.Subject]) ?? "",
            MessageId: Safe(() => MessageIds(headers, HeaderId.MessageId).FirstOrDefault()),
            InReplyTo: Safe(() => MessageIds(headers, HeaderId.InReplyTo).FirstOrDefault()),
            References: Safe(() => MessageIds(headers, HeaderId.References).ToList()) ?? [],
            Date: Safe(() => headers[HeaderId.Date] is { } date && DateUtils.TryParse(date, out var parsed) ? parsed : (DateTimeOffset?)null));
    }

    private static List<string> Addresses(HeaderList headers, string field) => Mailboxes(headers, field).Select(m => m.Address).ToList();

    private static List<MailboxAddress> Mailboxes(HeaderList headers, string field) =>
        headers.Where(h => h.Field.Equals(field, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => InternetAddressList.TryParse(InboundMime.Parser, h.RawValue, out var list) ? list.Mailboxes : [])
            .Where(m => !string.IsNullOrEmpty(m.Address))
            .ToList();

    private static IEnumerable<string> MessageIds(HeaderList headers, HeaderId id) =>
        headers.Where(h => h.Id == id).Take(1).SelectMany(h => MimeUtils.EnumerateReferences(h.Value)).ToList();

    private static T? Safe<T>(Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (Exception)
        {
            return default;
        }
    }
}
