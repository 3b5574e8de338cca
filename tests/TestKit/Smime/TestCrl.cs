using Org.BouncyCastle.X509;

namespace SecureMail.TestKit.Smime;

public sealed class TestCrl(X509Crl crl)
{
    public X509Crl Crl { get; } = crl;

    public byte[] Der => Crl.GetEncoded();

    public string Pem => PemText.Write("X509 CRL", Der);

    public byte[] PemBytes => PemText.Bytes(Pem);
}
