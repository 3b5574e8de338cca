using MimeKit;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.Infrastructure.Inbound.Pgp;
using SecureMail.Infrastructure.Inbound.Smime;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>Recognizes the security layer of one entity: only this entity's own type counts, never a part nested in
/// it, against the MIME-wrapping attacks of "Johnny, You Are Fired!"
/// (docs/inbound-status.md#outermost-layer-only).</summary>
internal static class SecurityLayers
{
    private static readonly string[] SignatureProtocols =
        ["application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"];

    /// <param name="bytes">The bytes <paramref name="entity"/> was parsed from (a whole message or an entity).</param>
    public static SecurityLayer? Of(MimeEntity entity, byte[] bytes) => entity switch
    {
        Multipart multipart when InboundMime.Is(entity, "multipart", "signed") => Signed(multipart, bytes),
        Multipart multipart when InboundMime.Is(entity, "multipart", "encrypted") => Encrypted(multipart),
        MimePart part when InboundMime.Is(entity, "application", "pkcs7-mime") || InboundMime.Is(entity, "application", "x-pkcs7-mime") =>
            CmsLayers.Of(InboundMime.Decoded(part), part.ContentType.Parameters["smime-type"]),
        TextPart text when text.IsPlain && !text.IsAttachment => InlinePgp.Of(InboundMime.Decoded(text), text.ContentType.Charset),
        _ => null,
    };

    private static SecurityLayer Signed(Multipart multipart, byte[] bytes)
    {
        var protocol = (multipart.ContentType.Parameters["protocol"] ?? "").Trim().ToLowerInvariant();
        var system = protocol.Contains("pgp", StringComparison.Ordinal)
            || (protocol.Length == 0 && multipart.Count > 1 && multipart[1].ContentType.MimeType.Contains("pgp", StringComparison.OrdinalIgnoreCase))
            ? MailSecuritySystem.PGP
            : MailSecuritySystem.SMIME;

        if (!SignatureProtocols.Contains(protocol))
            return Malformed(system, $"The multipart/signed names the protocol '{protocol}', which is not a signature protocol.");
        // MimeKit looks only at the first two parts; a third could carry content the signature does not cover.
        if (multipart.Count != 2)
            return Malformed(system, $"The multipart/signed holds {multipart.Count} parts; it must hold exactly two.");
        if (multipart[1] is not MimePart signature || !SameType(signature.ContentType.MimeType, protocol))
            return Malformed(system, "The second part of the multipart/signed is not the signature its protocol names.");

        var parts = RawParts.Cut(bytes, multipart.Boundary ?? "");
        if (parts is not { Count: 2 })
            return Malformed(system, "The parts of the multipart/signed cannot be delimited.");
        return new DetachedSigned(system, parts[0], InboundMime.Decoded(signature));
    }

    private static SecurityLayer Encrypted(Multipart multipart)
    {
        var protocol = (multipart.ContentType.Parameters["protocol"] ?? "").Trim();
        if (!protocol.Equals("application/pgp-encrypted", StringComparison.OrdinalIgnoreCase))
            return new MalformedLayer(Protection.Encryption, MailSecuritySystem.PGP, SecurityCode.Unsupported,
                $"The multipart/encrypted uses the protocol '{protocol}', which is not supported.");
        if (multipart.Count != 2 || !InboundMime.Is(multipart[0], "application", "pgp-encrypted") || multipart[1] is not MimePart data)
            return new MalformedLayer(Protection.Encryption, MailSecuritySystem.PGP, SecurityCode.Malformed,
                "The multipart/encrypted must hold an application/pgp-encrypted part and the encrypted data (RFC 3156 §4).");

        return PgpArmor.Decode(InboundMime.Decoded(data)) is { } packets
            ? new PgpMessage(Protection.Encryption, packets, Inline: false)
            : new MalformedLayer(Protection.Encryption, MailSecuritySystem.PGP, SecurityCode.Corrupt, PgpArmor.Unreadable);
    }

    private static bool SameType(string type, string protocol) =>
        type.Equals(protocol, StringComparison.OrdinalIgnoreCase)
        || type.Replace("/x-", "/", StringComparison.OrdinalIgnoreCase).Equals(protocol.Replace("/x-", "/"), StringComparison.OrdinalIgnoreCase);

    private static MalformedLayer Malformed(MailSecuritySystem system, string reason) =>
        new(Protection.Signature, system, SecurityCode.Malformed, reason);
}
