namespace SecureMail.Application.Keystore.Pgp;

/// <summary>Keystore:PgpDomainAlias (default off): whether a PGP key's domain alias is used for addresses of that domain
/// with no PGP key of their own. Off, aliases are kept but nothing is encrypted to them.</summary>
public sealed record PgpDomainAliases(bool Enabled);
