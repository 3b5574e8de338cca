namespace SecureMail.TestKit.Smime;

/// <summary>Self-signed test certificates; for issued ones see <see cref="TestCa"/>.</summary>
public static class TestCertificates
{
    public static TestCertificate SelfSigned(CertificateOptions? options = null) =>
        CertificateMaker.Make(options ?? new CertificateOptions(), issuer: null);

    public static TestCertificate SelfSigned(params string[] emails) => SelfSigned(CertificateOptions.For(emails));
}
