using System.Text;
using SecureMail.Application.Keystore;
using SecureMail.Infrastructure.Keystore.Smime;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Smime;

public class CertificateRejectionTests
{
    private static readonly TestCertificate Certificate = TestCertificates.SelfSigned(CertificateOptions.For("x@example.com") with
    {
        Key = TestKeys.Shared(),
    });

    public static TheoryData<string, byte[]> BadInputs() => new()
    {
        { "empty", [] },
        { "garbage bytes", [0x01, 0x02, 0x03, 0xFF, 0x00, 0x30] },
        { "text", Encoding.UTF8.GetBytes("this is not a certificate") },
        { "truncated DER", Certificate.Der[..(Certificate.Der.Length / 2)] },
        { "DER with trailing bytes", [.. Certificate.Der, 0x00, 0x01] },
        { "a SEQUENCE that is not a certificate", [0x30, 0x03, 0x02, 0x01, 0x05] },
        { "PEM without END", Encoding.ASCII.GetBytes(Certificate.Pem[..(Certificate.Pem.Length - 30)]) },
        { "PEM with broken base64", Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\n%%%notbase64%%%\n-----END CERTIFICATE-----\n") },
        { "PEM holding a truncated certificate", Encoding.ASCII.GetBytes(
            $"-----BEGIN CERTIFICATE-----\n{Convert.ToBase64String(Certificate.Der[..200])}\n-----END CERTIFICATE-----\n") },
        { "PRIVATE KEY block", Encoding.ASCII.GetBytes(Certificate.PrivateKeyPem) },
        { "certificate label on a key", Encoding.ASCII.GetBytes(Certificate.PrivateKeyPem.Replace("PRIVATE KEY", "CERTIFICATE")) },
        { "CRL DER", TestCa.Create().Revoke().Der },
        { "PKCS#12", Certificate.ToPkcs12("pw") },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Unreadable_input_is_rejected_as_unreadable(string _, byte[] data)
    {
        var rejected = Assert.Throws<KeyMaterialRejected>(() => new BouncyCastleSmimeKeyMaterialReader().ReadCertificates(data));

        Assert.Equal(KeyMaterialProblem.Unreadable, rejected.Problem);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Message));
    }

    [Fact]
    public void A_wrong_pem_label_is_named_in_the_message()
    {
        var rejected = Assert.Throws<KeyMaterialRejected>(
            () => new BouncyCastleSmimeKeyMaterialReader().ReadCertificates(Encoding.ASCII.GetBytes(Certificate.PrivateKeyPem)));

        Assert.Contains("PRIVATE KEY", rejected.Message);
    }

    [Fact]
    public void One_bad_block_in_a_bundle_rejects_the_bundle()
    {
        var bundle = Encoding.ASCII.GetBytes(Certificate.Pem + "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        var rejected = Assert.Throws<KeyMaterialRejected>(() => new BouncyCastleSmimeKeyMaterialReader().ReadCertificates(bundle));

        Assert.Equal(KeyMaterialProblem.Unreadable, rejected.Problem);
        Assert.Contains("block 2", rejected.Message);
    }
}
