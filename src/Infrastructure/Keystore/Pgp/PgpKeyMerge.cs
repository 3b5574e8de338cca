using Org.BouncyCastle.Bcpg.OpenPgp;

namespace SecureMail.Infrastructure.Keystore.Pgp;

/// <summary>Adds to a held key what a newer copy of it carries and the key itself signed. Anyone can append packets to
/// a transferable key (RFC 4880 §11.1), so BouncyCastle's Join, which takes everything, is not used: a signature of the
/// copy is taken only when the primary key made it over this key, this user ID or this subkey, and it verifies. The
/// held key's packets all stay, so a copy that lacks a revocation cannot withdraw it.</summary>
internal static class PgpKeyMerge
{
    public static PgpPublicKeyRing Merge(PgpPublicKeyRing held, PgpPublicKeyRing copy)
    {
        var primary = held.GetPublicKey();
        if (!primary.GetFingerprint().AsSpan().SequenceEqual(copy.GetPublicKey().GetFingerprint()))
            throw new ArgumentException("The copy is of another key.", nameof(copy));

        var merged = PgpPublicKeyRing.InsertPublicKey(held, WithOwnSignatures(primary, copy.GetPublicKey()));
        foreach (var subkey in copy.GetPublicKeys().Where(k => !k.IsMasterKey))
            if (WithOwnBindings(primary, merged.GetPublicKey(subkey.KeyId), subkey) is { } bound)
                merged = PgpPublicKeyRing.InsertPublicKey(merged, bound);
        return merged;
    }

    private static PgpPublicKey WithOwnSignatures(PgpPublicKey primary, PgpPublicKey copy)
    {
        var merged = New(copy.GetKeySignatures(), primary.GetKeySignatures())
            .Where(s => PgpSelfSignatures.IsOwnKeySignature(s, primary))
            .Aggregate(primary, PgpPublicKey.AddCertification);
        foreach (var userId in copy.GetUserIds())
            merged = New(copy.GetSignaturesForId(userId) ?? [], merged.GetSignaturesForId(userId) ?? [])
                .Where(s => PgpSelfSignatures.IsOwnUserIdSignature(s, primary, userId))
                .Aggregate(merged, (key, signature) => PgpPublicKey.AddCertification(key, userId, signature));
        return merged;
    }

    /// <returns>Null when the copy adds nothing to the subkey, or offers a subkey the primary key never bound.</returns>
    private static PgpPublicKey? WithOwnBindings(PgpPublicKey primary, PgpPublicKey? held, PgpPublicKey copy)
    {
        // Same key ID, other key: a collision, whether by chance or made on purpose to replace a subkey we hold.
        if (held is not null && !held.GetFingerprint().AsSpan().SequenceEqual(copy.GetFingerprint()))
            return null;
        var own = New(copy.GetKeySignatures(), held?.GetKeySignatures() ?? [])
            .Where(s => PgpSelfSignatures.IsOwnSubkeySignature(s, primary, copy))
            .ToList();
        if (own.Count == 0 || (held is null && !own.Any(s => s.SignatureType == PgpSignature.SubkeyBinding)))
            return null;
        var start = held ?? copy.GetKeySignatures().Aggregate(copy, PgpPublicKey.RemoveCertification);
        return own.Aggregate(start, PgpPublicKey.AddCertification);
    }

    private static IEnumerable<PgpSignature> New(IEnumerable<PgpSignature> offered, IEnumerable<PgpSignature> known)
    {
        var encodings = known.Select(Encoding).OfType<byte[]>().Select(Convert.ToBase64String).ToHashSet();
        return offered.Where(s => Encoding(s) is { } encoded && !encodings.Contains(Convert.ToBase64String(encoded)));
    }

    private static byte[]? Encoding(PgpSignature signature)
    {
        try
        {
            return signature.GetEncoded();
        }
        catch (Exception)
        {
            return null;
        }
    }
}
