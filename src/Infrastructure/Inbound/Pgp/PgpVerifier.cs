using System.Text;
using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.Infrastructure.Algorithms;
using SecureMail.Infrastructure.Keystore.Smime;
using static SecureMail.Infrastructure.Inbound.Failures;

namespace SecureMail.Infrastructure.Inbound.Pgp;

/// <summary>Verifies OpenPGP signatures with keys from the keystore only. BouncyCastle's Verify() is arithmetic: the
/// binding of a signing subkey and unknown critical subpackets are checked here (RFC 4880 §5.2.3.1, §11.1).</summary>
internal static class PgpVerifier
{
    private const MailSecuritySystem Pgp = MailSecuritySystem.PGP;

    /// <summary>PGP/MIME multipart/signed: the signature covers the first part's exact bytes (RFC 3156 §5).</summary>
    public static LayerResult Detached(byte[] content, byte[] armoredSignature, VerificationKeys keys, CancellationToken cancellation) =>
        new(null, Signatures(armoredSignature, content, keys, cancellation), new MimePlaintext(content));

    /// <summary>An inline armored MESSAGE that is signed but not encrypted.</summary>
    public static LayerResult SignedMessage(byte[] packets, VerificationKeys keys, CancellationToken cancellation)
    {
        PgpPlainMessage message;
        try
        {
            message = PgpPlainMessage.Read(packets);
        }
        catch (OverBudget over)
        {
            return new LayerResult(null, Signature(Pgp, SecurityCode.TooComplex, $"{over.Excess}; they were not checked."), null);
        }
        catch (Exception)
        {
            return new LayerResult(null, Signature(Pgp, SecurityCode.Malformed, "The signed OpenPGP message is not well-formed."), null);
        }

        var facts = message.Signatures.Count == 0
            ? Signature(Pgp, SecurityCode.NoSigner, "The OpenPGP message holds no signature.")
            : Verify(message.Signatures, message.Literal, keys, cancellation);
        return new LayerResult(null, facts, new InlinePlaintext(Encoding.UTF8.GetString(message.Literal)));
    }

    public static SignatureFacts Signatures(byte[] armoredSignature, byte[] content, VerificationKeys keys, CancellationToken cancellation)
    {
        var packets = PgpArmor.Decode(armoredSignature);
        if (packets is not null && PgpPacketTags.Count(packets, InboundBudget.MaxSignatures, PgpPacketTags.Signature) > InboundBudget.MaxSignatures)
            return TooManySignatures;
        var signatures = packets is null ? null : Read(packets);
        if (signatures is null)
            return Signature(Pgp, SecurityCode.Malformed, "The signature part is not a readable OpenPGP signature.");
        return signatures.Count == 0
            ? Signature(Pgp, SecurityCode.NoSigner, "The signature part holds no signature.")
            : Verify(signatures, content, keys, cancellation);
    }

    /// <summary>Every signature must verify; the first failure is reported, else the first signer.</summary>
    public static SignatureFacts Verify(IReadOnlyList<PgpSignature> signatures, byte[] content, VerificationKeys keys,
        CancellationToken cancellation)
    {
        if (signatures.Count > InboundBudget.MaxSignatures)
            return TooManySignatures;
        SignatureFacts? first = null;
        foreach (var signature in signatures)
        {
            cancellation.ThrowIfCancellationRequested();
            var facts = VerifyOne(signature, content, keys);
            if (facts.Code is not null)
                return facts;
            first ??= facts;
        }

        return first ?? Signature(Pgp, SecurityCode.NoSigner, "The message holds no signature.");
    }

    private static SignatureFacts VerifyOne(PgpSignature signature, byte[] content, VerificationKeys keys)
    {
        var facts = Signature(Pgp, SecurityCode.UnknownSigner) with
        {
            Digest = PgpNames.Digest(signature.HashAlgorithm),
            SignedAt = Rendering.Utc(signature.CreationTime),
        };
        var keyId = PgpSignatureChecks.IssuerKeyId(signature);
        var stored = keyId == 0 ? null : keys.PgpKey(keyId.ToString("X16"));
        var ring = stored is null ? null : PgpSignatureChecks.PublicRing(stored.PublicKeyRing);
        var key = ring?.GetPublicKey(keyId);
        if (stored is null || ring is null || key is null)
            return facts;

        facts = facts with { Code = null, Detail = null, PgpKey = stored.Facts, SigningKeyFingerprint = Convert.ToHexString(key.GetFingerprint()) };
        if (PgpSignatureChecks.UnknownCriticalSubpacket(signature) is { } tag)
            return facts with { Code = SecurityCode.UnknownCriticalSubpacket, Detail = tag.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!PgpSignatureChecks.Verifies(signature, key, content))
            return facts with { Code = SecurityCode.BadSignature, Detail = null };
        if (!PgpSignatureChecks.IsBoundForSigning(ring, key))
            return facts with { Code = SecurityCode.BadKeyBinding };
        return facts;
    }

    private static SignatureFacts TooManySignatures =>
        Signature(Pgp, SecurityCode.TooComplex, $"{PgpPlainMessage.TooManySignatures}; they were not checked.");

    public static IReadOnlyList<PgpSignature>? Read(byte[] packets)
    {
        try
        {
            var factory = new PgpObjectFactory(packets);
            var signatures = new List<PgpSignature>();
            for (var item = factory.NextPgpObject(); item is not null; item = factory.NextPgpObject())
            {
                if (item is not PgpSignatureList list)
                    return null;
                signatures.AddRange(Enumerable.Range(0, list.Count).Select(i => list[i]));
            }

            return signatures;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
