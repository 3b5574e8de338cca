using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using SecureMail.Application.Common;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Collected;
using SecureMail.Application.Tickets.Details;
using SecureMail.Domain.Accounts;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Keystore.Collected;
using SecureMail.Domain.Keystore.Smime;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;
using Weasel.Core;
using Weasel.Postgresql.Tables;

namespace SecureMail.Application;

/// <summary>The event store's shape: projections, read-model indexes, serialization.</summary>
public static class StoreConfiguration
{
    public static void Apply(StoreOptions options)
    {
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
            json => json.Converters.Add(new NulFreeStringConverter()));
        // Quick (ADR 50): no round trip to reserve sequence numbers before each append. Inline projections fold with stream
        // versions, which quick append knows only when the stream's version is: every append here starts a stream or names
        // the version it expects (FetchForWriting, or the version the threading read saw). QuickWithServerTimestamps keeps
        // .NET's clock for the stored time, the one the inline projections saw.
        options.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        // An inline view fetched for writing is the one its projection then evolves, not loaded a second time (ADR 51).
        // Safe because every such view is an immutable record: nothing changes a fetched one outside Marten.
        options.Events.UseIdentityMapForAggregates = true;

        options.Projections.Add(new KeystoreEntryProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new RevocationListProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new EvolvingProjection<SecureMailing>(), ProjectionLifecycle.Inline);
        options.Projections.Add(new EvolvingProjection<CertificateEntry>(), ProjectionLifecycle.Live);
        options.Projections.Add(new PgpKeyEntryProjection(), ProjectionLifecycle.Live);
        options.Projections.Add(new EvolvingProjection<Group>(), ProjectionLifecycle.Inline);
        options.Projections.Add(new EvolvingProjection<UserAccount>(), ProjectionLifecycle.Inline);
        options.Projections.Add(new EvolvingProjection<CollectedKey>(), ProjectionLifecycle.Live);
        options.Projections.Add(new CollectedKeyViewProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new EvolvingProjection<Ticket>(), ProjectionLifecycle.Live);
        options.Projections.Add(new TicketDetailsProjection(), ProjectionLifecycle.Inline);

        options.Schema.For<KeystoreEntry>()
            .Index(e => e.Kind)
            .Index(e => e.ExpiresAt)
            .Index(e => e.Certificate!.PublicKeyFingerprint)
            // Signers named by issuer and serial, and the issuers' trust anchors by subject (inbound verification): without
            // these every received signed mail read every certificate entry (a second per mail with 100k entries).
            .Index(e => e.Certificate!.SerialNumber)
            .Index(e => e.Certificate!.Subject)
            .GinIndexJsonData();
        // Lists looked up by containment, one probe per value: keystore entries by address (EntriesByAddress), tickets
        // by Message-ID (threading). A GIN index over the whole document cannot answer LINQ's Any(Contains), and one
        // over a ticket's every field made each ticket write slow (ADR 17).
        var emailsIndex = MemberGinIndex("mt_doc_keystoreentry_idx_emails", "emails");
        var messageIdsIndex = MemberGinIndex("mt_doc_ticketdetails_idx_message_ids", "messageIds");
        var candidateEmailsIndex = MemberGinIndex("mt_doc_collectedkeyview_idx_emails", "emails");
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(KeystoreEntry))
                mapping.Indexes.Add(emailsIndex);
            if (mapping.DocumentType == typeof(TicketDetails))
                mapping.Indexes.Add(messageIdsIndex);
            if (mapping.DocumentType == typeof(CollectedKeyView))
                mapping.Indexes.Add(candidateEmailsIndex);
        });
        options.Schema.For<RevocationList>();
        options.Schema.For<TicketDetails>()
            .Index(t => t.Customer)
            .Index(t => t.Group)
            .Index(t => t.UpdatedAt)
            .Index(t => t.AwaitingKeys);
    }

    private static IndexDefinition MemberGinIndex(string name, string member)
    {
        var index = new IndexDefinition(name).AgainstColumns($"(data -> '{member}')");
        index.ToGinWithJsonbPathOps();
        // Without it, new entries wait in the index's pending list (up to 4 MB) until a vacuum, and every lookup reads the
        // whole list: security options took twice as long right after 100k keystore entries were added (ADR 17),
        // and every ticket write adds to the Message-ID index's list.
        index.StorageParameters["fastupdate"] = false;
        return index;
    }
}
