using System.Diagnostics;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using SecureMail.Application.Keystore;
using SecureMail.Infrastructure.Keystore.Smime;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Smime;

/// <summary>PKCS#12 files and encrypted keys whose iteration counts would hold an import for seconds to hours are
/// refused before any key is derived; what OpenSSL writes by default still opens.</summary>
public sealed class PasswordWorkTests : IDisposable
{
    // A million PBKDF2 iterations take over a second here; a refusal that came after the work would take longer.
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(1);

    private readonly OpenSslWorkspace _openssl = new();
    private readonly BouncyCastleSmimeKeyMaterialReader _reader = new();

    public void Dispose() => _openssl.Dispose();

    private KeyMaterialRejected RefusedQuickly(byte[] data, string password)
    {
        var clock = Stopwatch.StartNew();
        var rejected = Assert.Throws<KeyMaterialRejected>(() => _reader.ReadPrivateKey(data, password));
        Assert.True(clock.Elapsed < Quickly, $"Refused after {clock.Elapsed.TotalMilliseconds} ms");
        return rejected;
    }

    [Fact]
    public void An_openssl_encrypted_pkcs8_key_with_2_500_000_iterations_is_refused_with_its_count()
    {
        var keyFile = _openssl.NewKey("costly");
        _openssl.Run("pkcs8", "-topk8", "-in", keyFile, "-out", "costly.enc.pem", "-passout", "pass:pw", "-v2", "aes-256-cbc", "-iter", "2500000");

        var rejected = RefusedQuickly(_openssl.Read("costly.enc.pem"), "pw");

        Assert.Equal(KeyMaterialProblem.TooCostly, rejected.Problem);
        Assert.Equal("Opening this encrypted private key takes 2,500,000 password-hashing iterations (private key 2,500,000); an import does at " +
            "most 2,000,000. OpenSSL writes 2,048 by default (openssl pkcs8 -topk8 -iter).", rejected.Message);
    }

    [Fact]
    public void Shrouded_keys_hidden_inside_encrypted_contents_are_counted_before_they_are_derived()
    {
        var nested = NestedShroudedKeys("pw", count: 3, iterations: 1_000_000);

        var rejected = RefusedQuickly(nested, "pw");

        Assert.Equal(KeyMaterialProblem.TooCostly, rejected.Problem);
        Assert.Contains("takes 3,004,096 password-hashing iterations (MAC 2,048, encrypted contents 2,048, private key 3,000,000)", rejected.Message);
    }

    [Fact]
    public void A_cancelled_request_derives_no_key_of_a_pkcs12()
    {
        var (keyFile, certificateFile) = _openssl.SelfSigned("cancelled", "cancelled@example.com");
        var p12 = _openssl.Read(_openssl.Pkcs12(keyFile, certificateFile, "pw"));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => _reader.ReadPrivateKey(p12, "pw", cancelled.Token));
        Assert.NotNull(_reader.ReadPrivateKey(p12, "pw"));
    }

    /// <summary>A PKCS#12 with a valid MAC whose only content is encrypted (cheaply, with the password) and holds shrouded
    /// key bags that claim many iterations each. Their ciphertext is filler: the loader would derive a key before finding out.</summary>
    private static byte[] NestedShroudedKeys(string password, int count, int iterations)
    {
        var bag = new SafeBag(PkcsObjectIdentifiers.Pkcs8ShroudedKeyBag, new EncryptedPrivateKeyInfo(
            new AlgorithmIdentifier(PkcsObjectIdentifiers.PbeWithShaAnd3KeyTripleDesCbc, new Pkcs12PbeParams(new byte[20], iterations)),
            new byte[1200]));
        var safeContents = new DerSequence(Enumerable.Repeat<Asn1Encodable>(bag, count).ToArray()).GetEncoded();

        var outer = new AlgorithmIdentifier(PkcsObjectIdentifiers.PbeWithShaAnd3KeyTripleDesCbc, new Pkcs12PbeParams(new byte[20], 2048));
        var cipher = (IBufferedCipher)PbeUtilities.CreateEngine(outer);
        cipher.Init(true, PbeUtilities.GenerateCipherParameters(outer, password.ToCharArray()));
        var encrypted = new EncryptedData(PkcsObjectIdentifiers.Data, outer, new DerOctetString(cipher.DoFinal(safeContents)));

        var authenticatedSafe = new AuthenticatedSafe([new ContentInfo(PkcsObjectIdentifiers.EncryptedData, encrypted)]).GetEncoded();
        return new Pfx(new ContentInfo(PkcsObjectIdentifiers.Data, new DerOctetString(authenticatedSafe)), Mac(authenticatedSafe, password)).GetEncoded();
    }

    // RFC 7292 appendix B: an HMAC-SHA1 keyed from the password with PKCS#12's own derivation, as BouncyCastle checks it.
    private static MacData Mac(byte[] authenticatedSafe, string password)
    {
        var salt = new byte[8];
        var parameters = PbeUtilities.GenerateAlgorithmParameters(OiwObjectIdentifiers.IdSha1, salt, 2048);
        var mac = (IMac)PbeUtilities.CreateEngine(OiwObjectIdentifiers.IdSha1);
        mac.Init(PbeUtilities.GenerateCipherParameters(OiwObjectIdentifiers.IdSha1, password.ToCharArray(), parameters));
        mac.BlockUpdate(authenticatedSafe, 0, authenticatedSafe.Length);
        var result = new byte[mac.GetMacSize()];
        mac.DoFinal(result, 0);
        return new MacData(new DigestInfo(new AlgorithmIdentifier(OiwObjectIdentifiers.IdSha1, DerNull.Instance), result), salt, 2048);
    }
}
