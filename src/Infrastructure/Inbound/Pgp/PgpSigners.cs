using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Application.Inbound;

namespace SecureMail.Infrastructure.Inbound.Pgp;

/// <summary>The key ids OpenPGP signatures name, read before any is verified, within the same budget as verification.</summary>
internal static class PgpSigners
{
    public static SignerIds OfArmored(byte[] armoredSignature)
    {
        var packets = PgpArmor.Decode(armoredSignature);
        if (packets is null || PgpPacketTags.Count(packets, InboundBudget.MaxSignatures, PgpPacketTags.Signature) > InboundBudget.MaxSignatures)
            return SignerIds.None;
        return PgpVerifier.Read(packets) is { } signatures ? Of(signatures) : SignerIds.None;
    }

    public static SignerIds OfMessage(byte[] packets)
    {
        try
        {
            return Of(PgpPlainMessage.Read(packets).Signatures);
        }
        catch (Exception)
        {
            // Unreadable or over the budget: verification says which, and needs no key for it.
            return SignerIds.None;
        }
    }

    public static SignerIds Of(IReadOnlyList<PgpSignature> signatures) =>
        signatures.Count > InboundBudget.MaxSignatures
            ? SignerIds.None
            : new([], [], [], signatures.Select(PgpSignatureChecks.IssuerKeyId).Where(id => id != 0).Select(id => id.ToString("X16")).Distinct().ToList());
}
