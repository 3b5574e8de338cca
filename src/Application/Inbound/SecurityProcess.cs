using Marten;
using SecureMail.Application.Keystore;
using SecureMail.Application.Messages;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Inbound;

/// <summary>Decrypts and verifies one stored message with today's keystore and returns the events that say what came of it.
/// Decrypted content with attachments is kept sealed in the caller's transaction, replacing an earlier copy.</summary>
public sealed class SecurityProcess(IInboundMessageReader reader, IRawMessageStore messages, IKeyVault vault, ISealedContentStore contents)
{
    public async Task<IReadOnlyList<object>> Run(IDocumentSession session, Guid ticketId, Guid articleId, DateTimeOffset now, CancellationToken cancellation)
    {
        var raw = await messages.LoadAsync(session, articleId, cancellation)
            ?? throw new InvalidOperationException($"The raw message of article {articleId} is missing.");
        var envelope = reader.ReadEnvelope(raw);
        var keyring = new KeystoreKeyring(session, vault, [.. envelope.To, .. envelope.Cc, .. envelope.DeliveredTo]);
        var inspection = await reader.InspectAsync(raw, keyring, cancellation);

        var events = new List<object>();
        if (inspection.Decryption is { } decryption)
            events.Add(Verdict.Decryption(ticketId, articleId, decryption, now));
        if (inspection.Signature is { } signature)
        {
            var revocations = await session.Query<RevocationList>().ToListAsync(cancellation);
            events.Add(Verdict.Signature(ticketId, articleId, signature, envelope.From, revocations, now));
        }
        if (events.Count == 0)
            events.Add(new ArticleSecurityChecked(ticketId, articleId, now));
        var content = inspection.Content;
        events.Add(new ArticleContentExtracted(ticketId, articleId, content.Body, content.Html, content.Attachments, now));
        if (content.Plaintext is { } plaintext)
            contents.Store(session, articleId, plaintext);
        return events;
    }
}
