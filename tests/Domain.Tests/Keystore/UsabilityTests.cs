using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Keystore.Smime;
using static SecureMail.Domain.Tests.Keystore.Facts;

namespace SecureMail.Domain.Tests.Keystore;

public class UsabilityTests
{
    [Fact]
    public void A_current_certificate_with_its_key_signs_and_encrypts()
    {
        Assert.True(CertificateUsability.CanSign(Certificate(), hasPrivateKey: true, revoked: false, Now));
        Assert.True(CertificateUsability.CanEncrypt(Certificate(), revoked: false, Now));
    }

    [Fact]
    public void Without_its_private_key_a_certificate_cannot_sign()
    {
        Assert.False(CertificateUsability.CanSign(Certificate(), hasPrivateKey: false, revoked: false, Now));
    }

    [Fact]
    public void Expired_not_yet_valid_and_revoked_certificates_are_unusable()
    {
        var expired = Certificate() with { NotAfter = Now.AddDays(-1) };
        var future = Certificate() with { NotBefore = Now.AddDays(1) };

        Assert.True(CertificateUsability.IsExpired(expired, Now));
        Assert.False(CertificateUsability.CanEncrypt(expired, false, Now));
        Assert.False(CertificateUsability.CanEncrypt(future, false, Now));
        Assert.False(CertificateUsability.CanSign(Certificate(), true, revoked: true, Now));
    }

    [Fact]
    public void Key_usage_decides_between_signing_and_encryption_certificates()
    {
        var signingOnly = Certificate() with { KeyUsages = ["digitalSignature"] };
        var encryptionOnly = Certificate() with { KeyUsages = ["keyEncipherment"] };
        var ecEncryption = Certificate() with { KeyAlgorithm = "EC", KeyUsages = ["keyAgreement"] };

        Assert.False(CertificateUsability.CanEncrypt(signingOnly, false, Now));
        Assert.False(CertificateUsability.CanSign(encryptionOnly, true, false, Now));
        Assert.True(CertificateUsability.CanEncrypt(ecEncryption, false, Now));
        Assert.True(CertificateUsability.CanSign(Certificate() with { KeyUsages = null }, true, false, Now));
    }

    [Fact]
    public void Pgp_keys_are_chosen_by_key_flags_expiry_and_revocation()
    {
        Assert.True(PgpKeyUsability.CanSign(PgpKey(), hasSecretKey: true, Now));
        Assert.True(PgpKeyUsability.CanEncrypt(PgpKey(), Now));
        Assert.False(PgpKeyUsability.CanSign(PgpKey(), hasSecretKey: false, Now));
        Assert.False(PgpKeyUsability.CanEncrypt(PgpKey(expiresAt: Now.AddSeconds(-1)), Now));
        Assert.False(PgpKeyUsability.CanEncrypt(PgpKey(revoked: true), Now));
        Assert.False(PgpKeyUsability.CanEncrypt(PgpKey(subkeys: [Subkey(["encryptCommunications"], revoked: true)]), Now));
        Assert.False(PgpKeyUsability.CanEncrypt(PgpKey(subkeys: [Subkey(["sign"])]), Now));
        Assert.True(PgpKeyUsability.CanSign(PgpKey(primaryFlags: ["certify"], subkeys: [Subkey(["sign"])]), true, Now));
    }
}
