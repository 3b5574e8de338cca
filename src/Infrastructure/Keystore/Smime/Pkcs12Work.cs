using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;

namespace SecureMail.Infrastructure.Keystore.Smime;

/// <summary>Counts what BouncyCastle's PKCS#12 loader will derive (RFC 7292): the MAC, each encrypted content, and each
/// shrouded key bag, also those inside an encrypted content. Those are only seen once the content is decrypted, so the
/// count is checked twice: before anything is derived, and again before the loader runs.</summary>
internal static class Pkcs12Work
{
    private const string What = "this PKCS#12 file";
    private const string Advice = "OpenSSL writes 2,048 per derivation by default (openssl pkcs12 -export -iter).";

    public static void EnsureAffordable(Pfx pfx, char[] password, CancellationToken cancellation)
    {
        var derivations = new List<PasswordWork.Derivation>();
        if (pfx.MacData is { } mac)
            derivations.Add(new("MAC", PasswordWork.Iterations(mac.IterationCount)));
        var encrypted = new List<EncryptedData>();
        foreach (var content in Contents(pfx))
        {
            if (content.ContentType.Equals(PkcsObjectIdentifiers.Data))
                derivations.AddRange(ShroudedKeys(Asn1OctetString.GetInstance(content.Content).GetOctets()));
            else if (content.ContentType.Equals(PkcsObjectIdentifiers.EncryptedData))
            {
                var data = EncryptedData.GetInstance(content.Content);
                derivations.Add(new("encrypted contents", PasswordWork.IterationsOf(data.EncryptionAlgorithm)));
                encrypted.Add(data);
            }
        }
        PasswordWork.EnsureAffordable(What, derivations, Advice);

        foreach (var data in encrypted)
        {
            cancellation.ThrowIfCancellationRequested();
            if (Decrypted(data, password) is { } contents && ShroudedKeysOrNull(contents) is { } inside)
                derivations.AddRange(inside);
        }
        PasswordWork.EnsureAffordable(What, derivations, Advice);
    }

    private static IEnumerable<ContentInfo> Contents(Pfx pfx) =>
        pfx.AuthSafe.ContentType.Equals(PkcsObjectIdentifiers.Data)
            ? AuthenticatedSafe.GetInstance(Asn1OctetString.GetInstance(pfx.AuthSafe.Content).GetOctets()).GetContentInfo()
            : [];

    private static List<PasswordWork.Derivation> ShroudedKeys(byte[] safeContents) =>
        Asn1Sequence.GetInstance(safeContents).Select(SafeBag.GetInstance)
            .Where(bag => bag.BagID.Equals(PkcsObjectIdentifiers.Pkcs8ShroudedKeyBag))
            .Select(bag => new PasswordWork.Derivation("private key",
                PasswordWork.IterationsOf(EncryptedPrivateKeyInfo.GetInstance(bag.BagValue).EncryptionAlgorithm)))
            .ToList();

    // Contents that do not parse after decryption (a wrong password that passed the padding check) fail the loader too.
    private static List<PasswordWork.Derivation>? ShroudedKeysOrNull(byte[] safeContents)
    {
        try
        {
            return ShroudedKeys(safeContents);
        }
        catch (Exception e) when (e is not Application.Keystore.KeyMaterialRejected)
        {
            return null;
        }
    }

    /// <summary>As the loader decrypts, with the same primitives: what cannot be decrypted here is not decrypted there
    /// either, and derives nothing further. An empty password is tried both ways PKCS#12 writers have encoded it.</summary>
    private static byte[]? Decrypted(EncryptedData data, char[] password)
    {
        foreach (var wrongPkcs12Zero in password.Length == 0 ? new[] { false, true } : [false])
        {
            try
            {
                var cipher = (IBufferedCipher)PbeUtilities.CreateEngine(data.EncryptionAlgorithm);
                cipher.Init(false, PbeUtilities.GenerateCipherParameters(data.EncryptionAlgorithm, password, wrongPkcs12Zero));
                return cipher.DoFinal(data.Content.GetOctets());
            }
            catch (Exception)
            {
            }
        }
        return null;
    }
}
