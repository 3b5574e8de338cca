using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>The recipients named in RecipientInfos (RFC 5652 §6.2), each with the way our private key recovers the
/// content key. Key transport is what OpenSSL, Outlook and Thunderbird write for RSA certificates. Key agreement
/// recipients are named too, so that mail for one of our EC keys is reported unsupported rather than "no key".</summary>
internal static class ContentKeyRecipients
{
    public static List<(RecipientID Id, Func<SmimeDecryptionKey, byte[]> ContentKey)> Read(Asn1Set recipientInfos)
    {
        var recipients = KeyTransports(recipientInfos);
        foreach (var element in recipientInfos)
            if (RecipientInfo.GetInstance(element).Info is KeyAgreeRecipientInfo agreement)
                foreach (var encrypted in agreement.RecipientEncryptedKeys)
                    recipients.Add((Id(RecipientEncryptedKey.GetInstance(encrypted).Identifier), KeyAgreement));
        return recipients;
    }

    /// <summary>The key transport recipients only, whose content key .NET's RSA recovers.</summary>
    public static List<(RecipientID Id, Func<SmimeDecryptionKey, byte[]> ContentKey)> KeyTransports(Asn1Set recipientInfos)
    {
        var recipients = new List<(RecipientID, Func<SmimeDecryptionKey, byte[]>)>();
        foreach (var element in recipientInfos)
            if (RecipientInfo.GetInstance(element).Info is KeyTransRecipientInfo transport)
                recipients.Add((Id(transport.RecipientIdentifier), key => KeyTransport.Unwrap(transport, key.Pkcs8PrivateKey)));
        return recipients;
    }

    private static byte[] KeyAgreement(SmimeDecryptionKey key) => throw new EnvelopeRefusal(SecurityCode.Unsupported,
        "The content key was sent by key agreement (ECDH), which is not supported for authenticated enveloped data.");

    private static RecipientID Id(RecipientIdentifier identifier) => identifier.IsTagged
        ? new RecipientID { SubjectKeyIdentifier = Asn1OctetString.GetInstance(identifier.ID).GetOctets() }
        : Id(IssuerAndSerialNumber.GetInstance(identifier.ID));

    private static RecipientID Id(KeyAgreeRecipientIdentifier identifier) => identifier.RKeyID is { } keyId
        ? new RecipientID { SubjectKeyIdentifier = keyId.SubjectKeyIdentifier.GetOctets() }
        : Id(identifier.IssuerAndSerialNumber);

    private static RecipientID Id(IssuerAndSerialNumber issuerAndSerial) =>
        new() { Issuer = issuerAndSerial.Issuer, SerialNumber = issuerAndSerial.SerialNumber.Value };
}
