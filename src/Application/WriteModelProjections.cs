using Marten.Events.Aggregation;
using SecureMail.Domain.Keystore.Collected;
using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Keystore.Smime;

namespace SecureMail.Application;

// Marten's generated dispatch does not reach the package-free Domain project, so these keystore aggregates' Create/Apply
// conventions are declared here and delegate to the Domain record. Aggregates that declare their own Evolution (tickets,
// groups, accounts, settings, certificates, collected keys) are folded by EvolvingProjection instead, with nothing to repeat here (ADR 38).

public sealed class PgpKeyEntryProjection : SingleStreamProjection<PgpKeyEntry, Guid>
{
    public static PgpKeyEntry Create(PgpKeyImported e) => PgpKeyEntry.Create(e);
    public static PgpKeyEntry Apply(PgpKeyImported e, PgpKeyEntry state) => state.Apply(e);
    public static PgpKeyEntry Apply(PgpKeyRefreshed e, PgpKeyEntry state) => state.Apply(e);
    public static PgpKeyEntry Apply(PgpSecretKeyImported e, PgpKeyEntry state) => state.Apply(e);
    public static PgpKeyEntry Apply(PgpKeyRemoved e, PgpKeyEntry state) => state.Apply(e);
    public static PgpKeyEntry Apply(PgpKeyDomainAliasSet e, PgpKeyEntry state) => state.Apply(e);
    public static PgpKeyEntry Apply(PgpKeyDomainAliasRemoved e, PgpKeyEntry state) => state.Apply(e);
}

public sealed class RevocationListProjection : SingleStreamProjection<RevocationList, Guid>
{
    public static RevocationList Create(CrlImported e) => RevocationList.Create(e);
    public static RevocationList Apply(CrlImported e, RevocationList state) => state.Apply(e);
    public static bool ShouldDelete(CrlRemoved e) => true;
}
