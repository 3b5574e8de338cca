using SecureMail.Domain.Inbound;
using SecureMail.Domain.Keystore;
using SecureMail.TestKit.Inbound;
using SecureMail.TestKit.Smime;
using static SecureMail.Infrastructure.Tests.Inbound.InboundKeys;
using static SecureMail.TestKit.Smime.OpenSslHierarchy;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>Who may vouch for a signer, with certificates openssl made: only a CA an admin imported as a trust anchor,
/// through a path that holds at the current time under RFC 5280's rules; anything else imported counts for its own
/// signatures only.</summary>
public sealed class SmimeTrustAnchorTests : IDisposable
{
    private const string Ceo = "ceo@corp.example";
    private readonly OpenSslWorkspace _workspace = new();
    private readonly OpenSslHierarchy _openssl;

    public SmimeTrustAnchorTests() => _openssl = new OpenSslHierarchy(_workspace);

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_customers_self_signed_certificate_imported_plainly_cannot_vouch_for_a_certificate_it_issued()
    {
        // The README's customer identity: openssl req -x509 writes CA:TRUE; its key usage is a mail identity's.
        _openssl.Root("customer", "subjectAltName=email:customer@example.com", "keyUsage=digitalSignature,keyEncipherment");
        _openssl.Issue("forged-ceo", "customer", LeafExtensions(Ceo));
        var keyring = Keyring(imported: ["customer"]);

        var forged = await Signature(_openssl.Sign("forged-ceo", "Pay the invoice.", "customer"), keyring);
        var own = await Signature(_openssl.Sign("customer", "It is really me."), keyring);

        Assert.Equal(SecurityCode.UnknownSigner, forged.Code);
        Assert.Equal(Ceo, Assert.Single(forged.Certificate!.Emails));
        Assert.Null(own.Code);
    }

    [Fact]
    public async Task A_self_signed_certificate_that_may_sign_certificates_is_still_no_issuer_unless_imported_as_a_trust_anchor()
    {
        _openssl.Root("customer-ca", "subjectAltName=email:customer@example.com");
        _openssl.Issue("forged-ceo", "customer-ca", LeafExtensions(Ceo));
        var mail = _openssl.Sign("forged-ceo", "Pay the invoice.");

        Assert.Equal(SecurityCode.UnknownSigner, (await Signature(mail, Keyring(imported: ["customer-ca"]))).Code);
        Assert.Null((await Signature(mail, Keyring(anchors: ["customer-ca"]))).Code);
    }

    [Theory]
    [InlineData("rsa")]
    [InlineData("ec")]
    public async Task A_leaf_under_a_trust_anchor_verifies_through_an_intermediate_the_mail_carries(string algorithm)
    {
        _openssl.Root("root", "basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign");
        _openssl.Issue("issuing", "root", CaExtensions);
        _openssl.Issue("alice", "issuing", LeafExtensions("alice@example.com"), algorithm: algorithm);

        var signature = await Signature(_openssl.Sign("alice", "Hello.", "issuing"), Keyring(anchors: ["root"]));

        Assert.Null(signature.Code);
        Assert.Equal("alice@example.com", Assert.Single(signature.Certificate!.Emails));
    }

    [Theory]
    [InlineData("no-cert-sign", "may not sign certificates: its key usage lacks keyCertSign")]
    [InlineData("not-a-ca", "is not a CA certificate")]
    [InlineData("sha1", "is signed with SHA-1")]
    [InlineData("expired", "expired on 2020-02-01")]
    [InlineData("pathlen", "path length constraint of the CA certificate")]
    [InlineData("name-constraints", "outside the name constraints")]
    public async Task A_path_to_a_trust_anchor_that_breaks_a_rule_is_an_untrusted_chain_with_the_precise_reason(string shape, string reason)
    {
        _openssl.Root("root", "basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign");
        var carried = shape switch
        {
            "no-cert-sign" => [Intermediate("basicConstraints=critical,CA:TRUE\nkeyUsage=critical,digitalSignature,cRLSign\n")],
            "not-a-ca" => [Intermediate("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,keyCertSign\n")],
            "sha1" => [Intermediate(CaExtensions, digest: "sha1")],
            "expired" => [_openssl.IssueBetween("issuing", "root", CaExtensions, "20200101000000Z", "20200201000000Z")],
            "pathlen" => PathLengthExceeded(),
            _ => [Intermediate(CaExtensions + "nameConstraints=critical,permitted;email:.partner.example,permitted;email:partner.example\n")],
        };
        _openssl.Issue("alice", "issuing", LeafExtensions(Ceo));

        var signature = await Signature(_openssl.Sign("alice", "Hello.", [.. carried.Select(c => c.Replace(".crt.pem", ""))]), Keyring(anchors: ["root"]));

        Assert.Equal(SecurityCode.UntrustedChain, signature.Code);
        Assert.Contains(reason, signature.Detail);
        Assert.Equal(Ceo, Assert.Single(signature.Certificate!.Emails));
    }

    [Fact]
    public async Task Name_constraints_that_permit_the_signer_let_the_chain_through()
    {
        _openssl.Root("root", "basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign");
        Intermediate(CaExtensions + "nameConstraints=critical,permitted;email:.partner.example,permitted;email:partner.example\n");
        _openssl.Issue("alice", "issuing", LeafExtensions("alice@partner.example"));

        Assert.Null((await Signature(_openssl.Sign("alice", "Hello.", "issuing"), Keyring(anchors: ["root"]))).Code);
    }

    private string Intermediate(string extensions, string digest = "sha256") => _openssl.Issue("issuing", "root", extensions, digest);

    // root -> limited (pathlen:0) -> issuing -> alice: a CA below a CA that may have none.
    private string[] PathLengthExceeded()
    {
        _openssl.Issue("limited", "root", "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
        return [Certificate("limited"), _openssl.Issue("issuing", "limited", CaExtensions)];
    }

    private InMemoryInboundKeyring Keyring(string[]? imported = null, string[]? anchors = null)
    {
        var keyring = new InMemoryInboundKeyring();
        keyring.Certificates.AddRange((imported ?? []).Select(Read));
        keyring.TrustAnchors.AddRange((anchors ?? []).Select(Read));
        return keyring;
    }

    private CertificateFacts Read(string name) => Facts(_workspace.Read(Certificate(name)));

    private static async Task<SignatureFacts> Signature(byte[] mail, InMemoryInboundKeyring keyring) =>
        (await InspectAsync(mail, keyring)).Signature ?? throw new InvalidOperationException("The mail holds no signature.");
}
