using Marten;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Pgp;
using SecureMail.Application.Messages;
using SecureMail.Application.Settings;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Common;
using SecureMail.Domain.Tickets;
using Wolverine;

namespace SecureMail.Application.Tickets.Compose;

/// <summary>Load what the decision needs, decide, open only the key the plan signs with, build the message in one call,
/// record, and hand it to the outbox. A refusal appends nothing and sends nothing.</summary>
public static class ComposeArticleHandler
{
    public static Task<ComposeInputs> LoadAsync(ComposeArticle command, IDocumentSession session, IGroupsAndSettings groupsAndSettings,
        PgpDomainAliases aliases, TimeProvider clock, CancellationToken cancellation) =>
        ComposeInputs.LoadAsync(command.Intent, session, groupsAndSettings, aliases, clock.GetUtcNow(), cancellation);

    public static async Task<(Decision<ComposedArticle>, OutgoingMessages)> Handle(ComposeArticle command, ComposeInputs inputs, IDocumentSession session,
        IKeyVault vault, IOutgoingMailComposer composer, IPgpArmor armor, IRawMessageStore messages, ISealedContentStore contents,
        CancellationToken cancellation)
    {
        var decided = ComposeDecision.Decide(command.Intent, inputs.Facts, Guid.CreateVersion7(inputs.Now), Guid.CreateVersion7(inputs.Now), inputs.Now);
        if (decided.Value is not { } article)
            return (decided.Rejection!, []);
        var secret = article.Security.Signer?.Material is { } signer ? await vault.OpenAsync(session, signer.VaultId, cancellation) : null;
        if (article.Security.Signer is { } gone && secret is null)
            return (Refused(ComposeCode.SignFailed, ComposeMessages.PrivateKeyGone(gone.System, gone.Email), [gone.Email]), []);

        ComposedMail mail;
        try
        {
            var attachments = article.AttachedPublicKey is { } key ? [.. command.Attachments, PublicKeyAttachment.Of(key, armor)] : command.Attachments;
            mail = composer.Compose(OutgoingMessage.For(article, attachments), Protections.For(article.Security, secret));
        }
        // A key the plan found usable could not be used (a damaged key, a certificate that cannot sign): refused like any
        // other 422, with no ticket or article left behind that the client was never told about.
        catch (MailSecurityFailed failed)
        {
            var (failure, code) = (failed.Failure, failed.Operation == SecurityOperation.Sign ? ComposeCode.SignFailed : ComposeCode.EncryptFailed);
            return (Refused(code, failure.Message, failure.Email is { } email ? [email] : []), []);
        }

        var (ticketId, articleId) = (article.Article.TicketId, article.Article.ArticleId);
        inputs.Append(session, ticketId, ComposeDecision.Record(decided, mail.Applied));
        messages.Store(session, articleId, mail.Raw);
        if (mail.Plaintext is { } plaintext)
            contents.Store(session, articleId, plaintext);
        return (Decision<ComposedArticle>.Accept(new ComposedArticle(ticketId, articleId)), [new DeliverArticle(ticketId, articleId)]);
    }

    private static Rejection Refused(ComposeCode code, string message, IReadOnlyList<string>? addresses = null) =>
        ComposeMessages.Refusal(RejectionKind.Invalid, code, message, addresses);
}
