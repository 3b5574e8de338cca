using Marten;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Collected;
using SecureMail.Application.Messages;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Keystore.Collected;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application.Inbound;

/// <summary>Decrypts and verifies one stored message with today's keystore, records on the ticket what came of it, keeps
/// decrypted content with attachments sealed (replacing an earlier copy), and puts the keys the message carried on the
/// admins' review list; all in the caller's transaction.</summary>
public sealed class SecurityProcess(IInboundMessageReader reader, IRawMessageStore messages, IKeyVault vault, ISealedContentStore contents,
    CandidateOptions candidates)
{
    /// <param name="before">Events that explain this run (a retry and its trigger), recorded ahead of its outcome.</param>
    public async Task RecordAsync(IDocumentSession session, Guid ticketId, Guid articleId, IReadOnlyList<object> before, DateTimeOffset now,
        CancellationToken cancellation)
    {
        var raw = await messages.LoadAsync(session, articleId, cancellation)
            ?? throw new InvalidOperationException($"The raw message of article {articleId} is missing.");
        var envelope = reader.ReadEnvelope(raw);
        var keyring = new KeystoreKeyring(session, vault, [.. envelope.To, .. envelope.Cc, .. envelope.DeliveredTo]);
        var inspection = await reader.InspectAsync(raw, keyring, cancellation);

        var events = new List<object>(before);
        if (inspection.Decryption is { } decryption)
            events.Add(Verdict.Decryption(ticketId, articleId, decryption, now));
        if (inspection.Signature is { } signature)
        {
            var revocations = await session.Query<RevocationList>().ToListAsync(cancellation);
            events.Add(Verdict.Signature(ticketId, articleId, signature, envelope.From, revocations, now));
        }
        if (events.Count == before.Count)
            events.Add(new ArticleSecurityChecked(ticketId, articleId, now));
        var content = inspection.Content;
        events.Add(new ArticleContentExtracted(ticketId, articleId, content.Body, content.Html, content.Attachments, now));
        session.Events.Append(ticketId, events);
        if (content.Plaintext is { } plaintext)
            contents.Store(session, articleId, plaintext);

        var carried = inspection.Signature is { } signed && CarriedKey.SignedWith(signed) is { } signer
            ? [signer, .. inspection.CarriedKeys]
            : inspection.CarriedKeys;
        await KeyCollection.CollectAsync(session, carried, new KeyOrigin(ticketId, articleId), candidates, now, cancellation);
    }
}
