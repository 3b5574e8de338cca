using System.Text;
using SecureMail.Application.Keystore.Pgp;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Domain.Keystore;

namespace SecureMail.Application.Tickets.Compose;

/// <summary>The group's public PGP key as a file the customer's client imports: armored, application/pgp-keys (RFC 3156
/// §7), named by its key id as gpg users expect.</summary>
public static class PublicKeyAttachment
{
    public const string ContentType = "application/pgp-keys";

    public static OutgoingAttachment Of(PgpKeyFacts key, IPgpArmor armor) =>
        new($"0x{key.KeyId}.asc", ContentType, Encoding.ASCII.GetBytes(armor.ArmorPublicKey(Convert.FromBase64String(key.PublicKey))));
}
