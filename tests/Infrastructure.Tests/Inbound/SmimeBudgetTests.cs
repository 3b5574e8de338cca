using System.Diagnostics;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;
using SecureMail.Domain.Inbound;
using SecureMail.TestKit.Inbound;
using SecureMail.TestKit.Smime;
using Xunit.Abstractions;
using static SecureMail.Infrastructure.Tests.Inbound.InboundKeys;
using static SecureMail.TestKit.Smime.OpenSslHierarchy;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>What one signed mail can make the verifier do: the certificates it carries, its signers and their keys are
/// bounded before any costly work.</summary>
public sealed class SmimeBudgetTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TestCa Root = TestCa.Create("Budget Root CA");
    private static readonly TestCa Intermediate = Root.IssueIntermediate("Budget Intermediate CA");

    private readonly SmimeMessages _messages = new();
    private readonly OpenSslWorkspace _workspace = new();

    public void Dispose()
    {
        _messages.Dispose();
        _workspace.Dispose();
    }

    [Fact]
    public async Task A_mail_carrying_5000_certificates_named_like_the_signers_issuer_gets_its_status_within_seconds()
    {
        var alice = Intermediate.Issue("alice@example.com");
        var decoys = Enumerable.Range(1, 5000).Select(Decoy).ToList();
        var raw = _messages.SignCarrying(SmimeMessages.Entity(), alice, [.. decoys, Intermediate.Certificate]);

        var clock = Stopwatch.StartNew();
        var signature = (await InspectAsync(raw, Trusting(Root.Certificate))).Signature!;
        clock.Stop();

        output.WriteLine($"{raw.Length / 1024} KiB, 5000 carried certificates: {signature.Code} in {clock.ElapsedMilliseconds} ms");
        // The real intermediate comes after the certificates looked at: no path to the anchor is found, and none is invented.
        Assert.Equal(SecurityCode.UnknownSigner, signature.Code);
        Assert.Equal("alice@example.com", Assert.Single(signature.Certificate!.Emails));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"The status took {clock.Elapsed}.");
    }

    [Fact]
    public async Task A_signature_layer_with_more_signers_than_are_checked_is_not_shown_as_verified()
    {
        var openssl = new OpenSslHierarchy(_workspace);
        openssl.Root("root", "basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign");
        var signers = Enumerable.Range(1, 9).Select(i => $"signer{i}").ToList();
        foreach (var signer in signers)
            openssl.Issue(signer, "root", LeafExtensions($"{signer}@example.com"));

        var nine = (await InspectAsync(openssl.Sign(signers, "Hello."), TrustingRoot())).Signature!;
        var eight = (await InspectAsync(openssl.Sign(signers[..8], "Hello."), TrustingRoot())).Signature!;

        Assert.Equal(SecurityCode.Unsupported, nine.Code);
        Assert.Contains("9 signers; at most 8 are checked", nine.Detail);
        Assert.Null(eight.Code);
    }

    [Fact]
    public async Task An_RSA_1024_signer_is_refused_before_its_key_is_used()
    {
        var openssl = new OpenSslHierarchy(_workspace);
        openssl.Root("root", "basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign");
        openssl.Issue("small", "root", LeafExtensions("small@example.com"), algorithm: "rsa:1024");

        var signature = (await InspectAsync(openssl.Sign("small", "Hello."), TrustingRoot())).Signature!;

        Assert.Equal(SecurityCode.WeakKey, signature.Code);
        Assert.Contains("RSA key of 1024 bits", signature.Detail);
    }

    /// <summary>A self-issued CA certificate with the intermediate's name and key identifier, and a signature of zeros: what
    /// costs a key build, a prime test and a signature check each when every carried certificate is tried.</summary>
    private static TestCertificate Decoy(int serial)
    {
        var key = TestKeys.Shared(slot: 7);
        var name = Intermediate.Certificate.Certificate.SubjectDN;
        var extensions = new X509ExtensionsGenerator();
        extensions.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(true));
        extensions.AddExtension(X509Extensions.SubjectKeyIdentifier, false,
            Intermediate.Certificate.Certificate.GetExtensionValue(X509Extensions.SubjectKeyIdentifier).GetOctets() is var ski ? Asn1Object.FromByteArray(ski) : null);
        var tbs = new V3TbsCertificateGenerator();
        var algorithm = new AlgorithmIdentifier(PkcsObjectIdentifiers.Sha256WithRsaEncryption, DerNull.Instance);
        tbs.SetSerialNumber(new DerInteger(serial));
        tbs.SetIssuer(name);
        tbs.SetSubject(name);
        tbs.SetStartDate(new Time(DateTime.UtcNow.AddDays(-1)));
        tbs.SetEndDate(new Time(DateTime.UtcNow.AddDays(30)));
        tbs.SetSignature(algorithm);
        tbs.SetSubjectPublicKeyInfo(SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key.Public));
        tbs.SetExtensions(extensions.Generate());
        var structure = new X509CertificateStructure(tbs.GenerateTbsCertificate(), algorithm, new DerBitString(new byte[256]));
        return new TestCertificate(new X509Certificate(structure), key);
    }

    private InMemoryInboundKeyring TrustingRoot() => Trusting(Facts(_workspace.Read(Certificate("root"))));
}
