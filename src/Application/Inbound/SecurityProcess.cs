using JasperFx.Events;
using Marten;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Collected;
using SecureMail.Application.Messages;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Keystore.Collected;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Inbound;

/// <summary>Decrypts and verifies one stored message with today's keystore, records on the ticket what came of it, keeps
/// decrypted content with attachments sealed (replacing an earlier copy), and puts the keys the message carried on the
/// admins' review list; all in the caller's session, which it commits. Each run is an attempt (<see cref="SecurityAttempts"/>)
/// with a time limit (<see cref="InboundOptions.ProcessingLimit"/>): past either, the article is recorded as not checked.
/// The outcome is appended at the ticket version the caller fetched: of two nodes that ran the same article, the second
/// to commit is refused and, run again, finds the outcome recorded.</summary>
public sealed class SecurityProcess(IInboundMessageReader reader, IRawMessageStore messages, IKeyVault vault, ISealedContentStore contents,
    CandidateOptions candidates, InboundOptions options, SecurityAttempts attempts, IFirstStatusLatency firstStatus)
{
    /// <param name="runs">The runs the article's process has had so far (<see cref="SecurityAttempts.FetchAsync"/>).</param>
    /// <param name="before">Events that explain this run (a retry and its trigger), recorded ahead of its outcome.</param>
    public async Task RecordAsync(IDocumentSession session, IEventStream<Ticket> ticket, int runs, Guid articleId, IReadOnlyList<object> before,
        DateTimeOffset now, CancellationToken cancellation)
    {
        var acceptedAt = ticket.Aggregate?.Article(articleId)?.Security?.FirstStatusAwaitedSince;
        var attempt = await attempts.BeginAsync(articleId, runs, cancellation);
        try
        {
            if (attempt > SecurityAttempts.Max)
                Abandon(ticket, articleId, before, SecurityCode.AttemptsExhausted, attempt - 1, now);
            else
                await CheckAsync(session, ticket, articleId, before, attempt, now, cancellation);
            SecurityAttempts.Finish(session, articleId);
            await session.SaveChangesAsync(cancellation);
            if (acceptedAt is { } accepted)
                firstStatus.Committed(accepted, abandoned: ticket.Events.Any(e => e.Data is SecurityProcessAbandoned));
        }
        catch (Exception e)
        {
            attempts.Ended(articleId, e);
            throw;
        }
    }

    private async Task CheckAsync(IDocumentSession session, IEventStream<Ticket> ticket, Guid articleId, IReadOnlyList<object> before, int attempt,
        DateTimeOffset now, CancellationToken cancellation)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(options.ProcessingLimit);
        InboundEnvelope? envelope = null;
        InboundInspection? inspection = null;
        var signers = SignerMaterial.None;
        try
        {
            var raw = await messages.LoadAsync(session, articleId, limit.Token)
                ?? throw new InvalidOperationException($"The raw message of article {articleId} is missing.");
            envelope = reader.ReadEnvelope(raw);
            var opening = reader.Open(raw, await InboundKeyLoading.DecryptionKeysAsync(session, vault, envelope, limit.Token), limit.Token);
            signers = await InboundKeyLoading.VerificationKeysAsync(session, opening.Signers, limit.Token);
            inspection = reader.Verify(opening, signers.Keys, limit.Token);
        }
        catch (Exception) when (limit.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            // Cut off by the time limit, wherever it was: recorded below.
        }

        // Also a result that came back after the limit: a step may have taken the cancellation for a failure of its own.
        if (envelope is null || inspection is null || (limit.IsCancellationRequested && !cancellation.IsCancellationRequested))
        {
            Abandon(ticket, articleId, before, SecurityCode.TimedOut, attempt, now);
            return;
        }
        await RecordOutcomeAsync(session, ticket, articleId, before, envelope, inspection, signers, now, cancellation);
    }

    private async Task RecordOutcomeAsync(IDocumentSession session, IEventStream<Ticket> ticket, Guid articleId, IReadOnlyList<object> before,
        InboundEnvelope envelope, InboundInspection inspection, SignerMaterial signers, DateTimeOffset now, CancellationToken cancellation)
    {
        var ticketId = ticket.Id;
        var events = new List<object>(before);
        if (inspection.Decryption is { } decryption)
            events.Add(Verdict.Decryption(ticketId, articleId, decryption, now));
        if (inspection.Signature is { } signature)
            events.Add(Verdict.Signature(ticketId, articleId, signature, envelope.From, signers.Revocations, now));
        if (events.Count == before.Count)
            events.Add(new ArticleSecurityChecked(ticketId, articleId, now));
        var content = inspection.Content;
        events.Add(new ArticleContentExtracted(ticketId, articleId, content.Body, content.Html, content.Attachments, now));
        ticket.AppendMany(events);
        if (content.Plaintext is { } plaintext)
            contents.Store(session, articleId, plaintext);

        var carried = inspection.Signature is { } signed && CarriedKey.SignedWith(signed) is { } signer
            ? [signer, .. inspection.CarriedKeys]
            : inspection.CarriedKeys;
        await KeyCollection.CollectAsync(session, carried, signers.Loaded, new KeyOrigin(ticketId, articleId), candidates, now, cancellation);
    }

    /// <summary>Nothing of the message is shown or vouched for; an earlier run's content is cleared with it.</summary>
    private void Abandon(IEventStream<Ticket> ticket, Guid articleId, IReadOnlyList<object> before, SecurityCode code, int attempts, DateTimeOffset now) =>
        ticket.AppendMany([.. before, Verdict.Abandoned(ticket.Id, articleId, code, attempts, options.ProcessingLimit, now),
            new ArticleContentExtracted(ticket.Id, articleId, "", null, [], now)]);
}
