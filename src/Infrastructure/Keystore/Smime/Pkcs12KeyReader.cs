using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Smime;

namespace SecureMail.Infrastructure.Keystore.Smime;

/// <summary>PKCS#12 as OpenSSL 3 writes it by default (PBES2/AES-256, HMAC-SHA256 MAC) and with
/// <c>-legacy</c> (RC2-40/3DES, SHA-1 MAC); BouncyCastle 2.7 opens both.
/// When the file holds several keys, the first key entry is taken. What the file's iteration counts cost is checked
/// before any key is derived (<see cref="Pkcs12Work"/>).</summary>
internal static class Pkcs12KeyReader
{
    public static PrivateKeyMaterial Read(byte[] data, string? password, CancellationToken cancellation)
    {
        var pfx = Rejection.Guard(() => Pfx.GetInstance(Asn1Object.FromByteArray(data)), "The data is neither a PEM private key nor a PKCS#12 file.");
        Rejection.Guard(() => Pkcs12Work.EnsureAffordable(pfx, Chars(password), cancellation), "The PKCS#12 file's contents cannot be read.");
        cancellation.ThrowIfCancellationRequested();
        var store = Open(data, password);
        var alias = store.Aliases.FirstOrDefault(store.IsKeyEntry)
            ?? throw Rejection.Unreadable("The PKCS#12 file holds no private key.");
        var key = store.GetKey(alias).Key;
        return PrivateKeyReader.Material(key, Certificates(store, alias));
    }

    private static Pkcs12Store Open(byte[] data, string? password)
    {
        var givenPassword = Chars(password);
        // A file without MAC or encryption must be opened with no password at all.
        if ((TryLoad(data, givenPassword) ?? TryLoad(data, null)) is { } store)
            return store;
        throw givenPassword.Length == 0
            ? new KeyMaterialRejected(KeyMaterialProblem.PasswordRequired, "The PKCS#12 file is protected by a password; give its password.")
            : new KeyMaterialRejected(KeyMaterialProblem.WrongPassword, "The password does not open this PKCS#12 file.");
    }

    private static char[] Chars(string? password) => string.IsNullOrEmpty(password) ? [] : password.ToCharArray();

    private static Pkcs12Store? TryLoad(byte[] data, char[]? password)
    {
        try
        {
            var store = new Pkcs12StoreBuilder().Build();
            store.Load(new MemoryStream(data, writable: false), password);
            return store;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>The key's chain (its own certificate first), then any other certificate the file carried.</summary>
    private static List<X509Certificate> Certificates(Pkcs12Store store, string keyAlias)
    {
        var chain = store.GetCertificateChain(keyAlias)?.Select(entry => entry.Certificate) ?? [];
        var others = store.Aliases.Where(store.IsCertificateEntry).Select(alias => store.GetCertificate(alias).Certificate);
        return chain.Concat(others).DistinctBy(certificate => Convert.ToBase64String(certificate.GetEncoded())).ToList();
    }
}
