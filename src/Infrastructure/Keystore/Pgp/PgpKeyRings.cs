using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Application.Keystore;

namespace SecureMail.Infrastructure.Keystore.Pgp;

/// <summary>Splits armored or binary input into transferable keys (public or secret rings).</summary>
internal static class PgpKeyRings
{
    public static IReadOnlyList<object> Read(byte[] data)
    {
        if (data.Length == 0)
            throw Unreadable("The data is empty.");

        var rings = new List<object>();
        using var decoder = PgpUtilities.GetDecoderStream(new MemoryStream(data, writable: false));
        // An armored file may hold several armor blocks, one after the other; each pass reads one.
        int read;
        do read = ReadBlock(decoder, rings);
        while (read > 0 && decoder is ArmoredInputStream armored && !armored.IsEndOfStream());

        return rings.Count > 0 ? rings : throw Unreadable("The data holds no OpenPGP key.");
    }

    public static PgpPublicKeyRing PublicPartOf(PgpSecretKeyRing secret)
    {
        using var buffer = new MemoryStream();
        foreach (var key in secret.GetPublicKeys().Concat(secret.GetExtraPublicKeys()).DistinctBy(k => k.KeyId))
            key.Encode(buffer);
        return new PgpPublicKeyRing(buffer.ToArray());
    }

    private static int ReadBlock(Stream decoder, List<object> rings)
    {
        var factory = new PgpObjectFactory(decoder);
        var count = 0;
        for (var item = factory.NextPgpObject(); item is not null; item = factory.NextPgpObject(), count++)
        {
            if (item is PgpPublicKeyRing or PgpSecretKeyRing)
                rings.Add(item);
            else if (item is not PgpMarker)
                throw NotAKey(item);
        }

        return count;
    }

    private static KeyMaterialRejected NotAKey(object item) => Unreadable(item switch
    {
        PgpEncryptedDataList or PgpLiteralData or PgpCompressedData => "The data is an OpenPGP message, not a key.",
        PgpSignatureList or PgpOnePassSignatureList => "The data is an OpenPGP signature, not a key.",
        _ => "The data holds OpenPGP packets that are not a key.",
    });

    private static KeyMaterialRejected Unreadable(string message) => new(KeyMaterialProblem.Unreadable, message);
}
