using JasperFx.Events;
using Marten.Events.Aggregation;
using SecureMail.Domain.Accounts;
using SecureMail.Domain.Groups;
using SecureMail.Domain.Keystore.Collected;
using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Keystore.Smime;
using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application;

// Marten's generated dispatch does not reach the package-free Domain project, so each aggregate's
// Create/Apply conventions are declared here and delegate to the Domain record.

public sealed class CertificateEntryProjection : SingleStreamProjection<CertificateEntry, Guid>
{
    public static CertificateEntry Create(CertificateImported e) => CertificateEntry.Create(e);
    public static CertificateEntry Apply(CertificateImported e, CertificateEntry state) => state.Apply(e);
    public static CertificateEntry Apply(PrivateKeyImported e, CertificateEntry state) => state.Apply(e);
    public static CertificateEntry Apply(PrivateKeyRemoved e, CertificateEntry state) => state.Apply(e);
    public static CertificateEntry Apply(CertificateRemoved e, CertificateEntry state) => state.Apply(e);
}

public sealed class PgpKeyEntryProjection : SingleStreamProjection<PgpKeyEntry, Guid>
{
    public static PgpKeyEntry Create(PgpKeyImported e) => PgpKeyEntry.Create(e);
    public static PgpKeyEntry Apply(PgpKeyImported e, PgpKeyEntry state) => state.Apply(e);
    public static PgpKeyEntry Apply(PgpKeyRefreshed e, PgpKeyEntry state) => state.Apply(e);
    public static PgpKeyEntry Apply(PgpSecretKeyImported e, PgpKeyEntry state) => state.Apply(e);
    public static PgpKeyEntry Apply(PgpKeyRemoved e, PgpKeyEntry state) => state.Apply(e);
}

public sealed class CollectedKeyProjection : SingleStreamProjection<CollectedKey, Guid>
{
    public static CollectedKey Create(KeyCollectedFromMail e) => CollectedKey.Create(e);
    public static CollectedKey Apply(KeyCollectedFromMail e, CollectedKey state) => state.Apply(e);
    public static CollectedKey Apply(CollectedKeyImported e, CollectedKey state) => state.Apply(e);
    public static CollectedKey Apply(CollectedKeyDismissed e, CollectedKey state) => state.Apply(e);
}

public sealed class RevocationListProjection : SingleStreamProjection<RevocationList, Guid>
{
    public static RevocationList Create(CrlImported e) => RevocationList.Create(e);
    public static RevocationList Apply(CrlImported e, RevocationList state) => state.Apply(e);
    public static bool ShouldDelete(CrlRemoved e) => true;
}

public sealed class SecureMailingProjection : SingleStreamProjection<SecureMailing, Guid>
{
    public static SecureMailing Create(SecureMailingEnabled e) => SecureMailing.Off(e.SettingsId).Apply(e);
    public static SecureMailing Create(SecureMailingDisabled e) => SecureMailing.Off(e.SettingsId).Apply(e);
    public static SecureMailing Apply(SecureMailingEnabled e, SecureMailing state) => state.Apply(e);
    public static SecureMailing Apply(SecureMailingDisabled e, SecureMailing state) => state.Apply(e);
}

public sealed class GroupProjection : SingleStreamProjection<Group, Guid>
{
    public static Group Create(GroupConfigured e) => Group.Create(e);
    public static Group Apply(GroupConfigured e, Group state) => state.Apply(e);
}

public sealed class UserAccountProjection : SingleStreamProjection<UserAccount, Guid>
{
    public static UserAccount Create(UserAccountCreated e) => UserAccount.Create(e);
    public static UserAccount Apply(UserRoleGranted e, UserAccount state) => state.Apply(e);
    public static UserAccount Apply(UserRoleRevoked e, UserAccount state) => state.Apply(e);
    public static UserAccount Apply(UserPasswordChanged e, UserAccount state) => state.Apply(e);
    public static UserAccount Apply(UserAccountDisabled e, UserAccount state) => state.Apply(e);
    public static UserAccount Apply(UserAccountEnabled e, UserAccount state) => state.Apply(e);
}

public sealed class TicketProjection : SingleStreamProjection<Ticket, Guid>
{
    public static Ticket Create(TicketOpened e) => Ticket.Create(e);
    public static Ticket Apply(IEvent<ArticleComposed> e, Ticket state) => state.Apply(e.Data, e.Version);
    public static Ticket Apply(IEvent<SecureMail.Domain.Inbound.ArticleReceived> e, Ticket state) => state.Apply(e.Data, e.Version);
    public static Ticket Apply(ArticleDelivered e, Ticket state) => state.Apply(e);
    public static Ticket Apply(ArticleDeliveryFailed e, Ticket state) => state.Apply(e);
}
