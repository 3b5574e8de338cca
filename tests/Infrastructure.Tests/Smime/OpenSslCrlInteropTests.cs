using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Smime;
using SecureMail.Infrastructure.Keystore.Smime;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Smime;

public sealed class OpenSslCrlInteropTests : IDisposable
{
    private readonly OpenSslWorkspace _openssl = new();
    private readonly BouncyCastleSmimeKeyMaterialReader _reader = new();

    public void Dispose() => _openssl.Dispose();

    [Fact]
    public void An_openssl_crl_names_the_revoked_certificate_and_verifies_with_its_ca_only()
    {
        var ca = new OpenSslCa(_openssl, "Revoking CA");
        var other = new OpenSslCa(_openssl, "Other CA");
        var (_, revokedFile) = ca.Issue("mallory", "mallory@example.com", "00F1E2D3");
        var crlFile = ca.Crl("F1E2D3");
        _openssl.Run("crl", "-in", crlFile, "-outform", "DER", "-out", "revoking.crl.der");
        var caFacts = Assert.Single(_reader.ReadCertificates(_openssl.Read(ca.CertificateFile)));
        var otherFacts = Assert.Single(_reader.ReadCertificates(_openssl.Read(other.CertificateFile)));
        var revokedFacts = Assert.Single(_reader.ReadCertificates(_openssl.Read(revokedFile)));

        var fromPem = _reader.ReadCrl(_openssl.Read(crlFile));
        var fromDer = _reader.ReadCrl(_openssl.Read("revoking.crl.der"));

        Assert.Equal(fromPem.Fingerprint, fromDer.Fingerprint);
        Assert.Equal(caFacts.Subject, fromPem.Issuer);
        Assert.Equal(caFacts.SubjectKeyIdentifier, fromPem.AuthorityKeyIdentifier);
        Assert.Equal(revokedFacts.SerialNumber, Assert.Single(fromPem.Revoked).SerialNumber);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), fromPem.Revoked[0].RevokedAt);
        Assert.Equal(OpenSslOutput.Date(OpenSslOutput.Value(_openssl, "crl", "-in", crlFile, "-noout", "-lastupdate")), fromPem.ThisUpdate);
        Assert.Equal(OpenSslOutput.Date(OpenSslOutput.Value(_openssl, "crl", "-in", crlFile, "-noout", "-nextupdate")), fromPem.NextUpdate);
        Assert.True(_reader.IsCrlSignedBy(fromPem, caFacts));
        Assert.False(_reader.IsCrlSignedBy(fromPem, otherFacts));
    }
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_crl_of_one_ca_does_not_revoke_the_certificate_of_another_ca_with_the_same_name(bool crlNamesItsKey)
    {
        using var twinWorkspace = new OpenSslWorkspace();
        var ca = new OpenSslCa(_openssl, "Twin CA");
        var twin = new OpenSslCa(twinWorkspace, "Twin CA");
        var revoked = Certificate(_openssl, ca.Issue("mallory", "mallory@example.com", "00A1B2C3").CertificateFile);
        var namesake = Certificate(twinWorkspace, twin.Issue("mallory", "mallory@example.com", "00A1B2C3").CertificateFile);
        var caFacts = Certificate(_openssl, ca.CertificateFile);
        var crl = _reader.ReadCrl(_openssl.Read(ca.Crl(["A1B2C3"], crlNamesItsKey)));

        var list = RevocationList.Create(Assert.IsType<CrlImported>(Assert.Single(
            RevocationList.Import(null, new CertificateEntry(Guid.NewGuid(), caFacts, false, false), crl, "admin", DateTimeOffset.UtcNow).Events)));

        Assert.Equal(crlNamesItsKey ? caFacts.SubjectKeyIdentifier : null, crl.AuthorityKeyIdentifier);
        Assert.Equal((revoked.Issuer, revoked.SerialNumber), (namesake.Issuer, namesake.SerialNumber));
        Assert.True(list.Revokes(revoked));
        Assert.False(list.Revokes(namesake));
    }

    [Fact]
    public void A_crl_past_its_next_update_is_stale()
    {
        var ca = new OpenSslCa(_openssl, "Late CA");
        var crl = _reader.ReadCrl(_openssl.Read(ca.Crl([], true, DateTimeOffset.UtcNow.AddDays(-14), DateTimeOffset.UtcNow.AddDays(-1))));
        var caFacts = Certificate(_openssl, ca.CertificateFile);

        var list = RevocationList.Create(Assert.IsType<CrlImported>(Assert.Single(
            RevocationList.Import(null, new CertificateEntry(Guid.NewGuid(), caFacts, false, false), crl, "admin", DateTimeOffset.UtcNow).Events)));

        Assert.True(list.IsStale(DateTimeOffset.UtcNow));
        Assert.False(list.IsStale(DateTimeOffset.UtcNow.AddDays(-2)));
    }

    private CertificateFacts Certificate(OpenSslWorkspace workspace, string file) => Assert.Single(_reader.ReadCertificates(workspace.Read(file)));
}
