using Attribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Math;
using SecureMail.Domain.Inbound;
using SecureMail.TestKit.Inbound;
using SecureMail.TestKit.Smime;
using static SecureMail.Infrastructure.Tests.Inbound.InboundKeys;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>Authenticated enveloped-data that openssl would not write: authenticated attributes (the additional
/// authenticated data), missing or impossible AES-GCM parameters, no content, absurd lengths, an EC recipient. Each
/// ends as failed with a reason, never as an exception.</summary>
public sealed class SmimeGcmHostileTests : IDisposable
{
    private static readonly TestCertificate Support = TestCa.Create("Inbound GCM Hostile CA").Issue("support@example.com");

    private readonly SmimeMessages _messages = new();
    private readonly InMemoryInboundKeyring _keyring = new() { SmimeKeys = { Decryption(Support) } };

    public void Dispose() => _messages.Dispose();

    private byte[] OpenSslGcm() => _messages.Encrypt(SmimeMessages.Entity(), Support, "-aes-256-gcm");

    [Fact]
    public async Task Authenticated_attributes_are_authenticated_as_their_DER_SET_OF()
    {
        var attributes = new DerSet(new Attribute(CmsAttributes.ContentType, new DerSet(CmsObjectIdentifiers.Data)));
        var resealed = AuthEnvelopedMail.Resealed(OpenSslGcm(), Support, attributes);
        var changed = AuthEnvelopedMail.Rebuilt(AuthEnvelopedMail.Data(resealed),
            authAttrs: new DerSet(new Attribute(CmsAttributes.ContentType, new DerSet(CmsObjectIdentifiers.SignedData))));

        var inspection = await InspectAsync(resealed, _keyring);

        Assert.Equal(("AES-256-GCM", (SecurityCode?)null), (inspection.Decryption!.Cipher, inspection.Decryption.Code));
        Assert.Contains("the printer is on fire.", inspection.Content.Body);
        Assert.Equal(SecurityCode.NoIntegrity, (await InspectAsync(changed, _keyring)).Decryption!.Code);
    }

    [Fact]
    public async Task Missing_or_impossible_GCM_parameters_are_malformed_and_say_why()
    {
        var data = AuthEnvelopedMail.Data(OpenSslGcm());
        var nonce = GcmParameters.GetInstance(data.AuthEncryptedContentInfo.ContentEncryptionAlgorithm.Parameters).GetNonce();
        var cases = new (byte[] Mail, string Reason)[]
        {
            (AuthEnvelopedMail.Rebuilt(data, gcmParameters: DerNull.Instance), "parameters (nonce and tag length) are missing"),
            (AuthEnvelopedMail.Rebuilt(data, gcmParameters: new DerSequence(new DerOctetString(nonce), DerInteger.ValueOf(8))), "tag length of 8 octets"),
            (AuthEnvelopedMail.Rebuilt(data, gcmParameters: new DerSequence(new DerOctetString(nonce), new DerInteger(BigInteger.Ten.Pow(40)))), "outside the 12 to 16"),
            (AuthEnvelopedMail.Rebuilt(data, mac: new DerOctetString(data.Mac.GetOctets()[..12])), "tag has 12 octets where the parameters announce 16"),
            (AuthEnvelopedMail.Rebuilt(data, withoutContent: true), "carries no encrypted content"),
        };

        foreach (var (mail, reason) in cases)
        {
            var decryption = (await InspectAsync(mail, _keyring)).Decryption!;

            Assert.Equal(SecurityCode.Malformed, decryption.Code);
            Assert.Contains(reason, decryption.Detail);
        }
    }

    [Fact]
    public async Task A_nonce_other_than_12_octets_is_unsupported()
    {
        var data = AuthEnvelopedMail.Data(OpenSslGcm());

        var decryption = (await InspectAsync(AuthEnvelopedMail.Rebuilt(data, gcmParameters: new GcmParameters(new byte[16], 16)), _keyring)).Decryption!;

        Assert.Equal(SecurityCode.Unsupported, decryption.Code);
        Assert.Contains("nonce has 16 octets", decryption.Detail);
    }

    [Fact]
    public async Task Garbage_and_absurd_lengths_inside_authenticated_enveloped_data_are_corrupt()
    {
        var oid = CmsObjectIdentifiers.AuthEnvelopedData.GetEncoded();
        var cases = new[]
        {
            // A ContentInfo of the right type whose content is a 2 GB SEQUENCE that is not there.
            [0x30, 0x80, .. oid, 0xA0, 0x80, 0x30, 0x84, 0x7F, 0xFF, 0xFF, 0xFF, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00],
            // The right type around a SEQUENCE that is no AuthEnvelopedData.
            new ContentInfo(CmsObjectIdentifiers.AuthEnvelopedData,
                new DerSequence(DerInteger.Zero, new DerUtf8String("no recipients here"))).GetEncoded(Asn1Encodable.Der),
            // openssl's own message cut in half.
            AuthEnvelopedMail.Cms(OpenSslGcm())[..200],
        };

        foreach (var cms in cases)
        {
            var decryption = (await InspectAsync(AuthEnvelopedMail.Mail(cms), _keyring)).Decryption!;

            Assert.Equal(SecurityCode.Corrupt, decryption.Code);
            Assert.Contains("not readable CMS", decryption.Detail);
        }
    }

    [Fact]
    public async Task An_EC_recipient_of_ours_is_unsupported_rather_than_no_key()
    {
        var ec = TestCa.Create("Inbound GCM EC CA").Issue(CertificateOptions.For("support@example.com").Ec());

        var decryption = (await InspectAsync(_messages.Encrypt(SmimeMessages.Entity(), ec, "-aes-256-gcm"),
            new InMemoryInboundKeyring { SmimeKeys = { Decryption(ec) } })).Decryption!;

        Assert.Equal((SecurityCode.Unsupported, (string?)ec.Fingerprint), (decryption.Code, decryption.KeyFingerprint));
        Assert.Contains("key agreement", decryption.Detail);
    }
}
