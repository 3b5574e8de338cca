using JasperFx.Events;
using Marten.Events.Aggregation;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Collected;
using SecureMail.Domain.Settings;

namespace SecureMail.Application.Keystore.Collected;

/// <summary>Read model: a key that arrived in mail and waits for an admin's review. Imported or dismissed, it is gone.</summary>
public sealed record CollectedKeyView
{
    public const int ArticlesKept = 20;

    public Guid Id { get; init; }
    public MailSecuritySystem System { get; init; }
    public required string Fingerprint { get; init; }
    /// <summary>Lowercased; indexed like the keystore's (StoreConfiguration).</summary>
    public required IReadOnlyList<string> Emails { get; init; }
    public CertificateFacts? Certificate { get; init; }
    public PgpKeyFacts? PgpKey { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public DateTimeOffset FirstSeenAt { get; init; }
    public DateTimeOffset LastSeenAt { get; init; }
    /// <summary>The newest articles that carried it, oldest first.</summary>
    public IReadOnlyList<KeyOrigin> Articles { get; init; } = [];
}

public sealed class CollectedKeyViewProjection : SingleStreamProjection<CollectedKeyView, Guid>
{
    public CollectedKeyViewProjection()
    {
        IncludeType<KeyCollectedFromMail>();
        IncludeType<CollectedKeyImported>();
        IncludeType<CollectedKeyDismissed>();
    }

    public override CollectedKeyView? Evolve(CollectedKeyView? view, Guid id, IEvent e) => e.Data switch
    {
        KeyCollectedFromMail c => (view ?? new CollectedKeyView
        {
            Id = id,
            System = c.System,
            Fingerprint = c.Certificate?.Fingerprint ?? c.PgpKey!.Fingerprint,
            Emails = [],
            FirstSeenAt = c.CollectedAt,
        }) is var current ? current with
        {
            Emails = c.Certificate?.Emails ?? c.PgpKey!.Emails,
            Certificate = c.Certificate,
            PgpKey = c.PgpKey,
            Sources = current.Sources.Contains(c.Source) ? current.Sources : [.. current.Sources, c.Source],
            LastSeenAt = c.CollectedAt,
            Articles = [.. current.Articles.Where(a => a != c.Origin).TakeLast(CollectedKeyView.ArticlesKept - 1), c.Origin],
        } : null,
        CollectedKeyImported or CollectedKeyDismissed => null,
        _ => view,
    };
}
