using SecureMail.Application.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.Infrastructure.Inbound.Pgp;
using SecureMail.Infrastructure.Inbound.Smime;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>Opens one security layer: an encryption layer in the first step (with the private keys), a signature layer
/// in the second (with the signers' keys); each returns what it found and the plaintext inside.</summary>
internal static class LayerOpener
{
    public static LayerResult Decrypt(SecurityLayer layer, DecryptionKeys keys, CancellationToken cancellation) => layer switch
    {
        MalformedLayer malformed => Failures.Failed(malformed, malformed.Code, malformed.Reason),
        SmimeEnveloped enveloped => SmimeDecryptor.Decrypt(enveloped.Cms, keys, cancellation),
        PgpMessage { Protects: Protection.Encryption } message => PgpDecryptor.Decrypt(message, keys, cancellation),
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer.GetType().Name, null),
    };

    public static LayerResult Verify(SecurityLayer layer, VerificationKeys keys, CancellationToken cancellation) => layer switch
    {
        MalformedLayer malformed => Failures.Failed(malformed, malformed.Code, malformed.Reason),
        SmimeOpaqueSigned opaque => SmimeVerifier.Opaque(opaque.Cms, keys),
        DetachedSigned { Kind: MailSecuritySystem.SMIME } signed => SmimeVerifier.Detached(signed.Content, signed.Signature, keys),
        DetachedSigned signed => PgpVerifier.Detached(signed.Content, signed.Signature, keys, cancellation),
        PgpMessage message => PgpVerifier.SignedMessage(message.Packets, keys, cancellation),
        PgpClearSigned clear => ClearSignedVerifier.Verify(clear, keys, cancellation),
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer.GetType().Name, null),
    };

    /// <summary>What a signature layer holds before it is verified: the signers it names, and the content it signs when
    /// that is a MIME entity (in which an encryption layer may sit).</summary>
    public static (SignerIds Signers, MimePlaintext? Content) Read(SecurityLayer layer, CancellationToken cancellation) => layer switch
    {
        SmimeOpaqueSigned opaque => SmimeSigners.Of(opaque.Cms, null),
        DetachedSigned { Kind: MailSecuritySystem.SMIME } signed => SmimeSigners.Of(signed.Signature, signed.Content),
        DetachedSigned signed => (PgpSigners.OfArmored(signed.Signature), new MimePlaintext(signed.Content)),
        PgpMessage message => (PgpSigners.OfMessage(message.Packets), null),
        PgpClearSigned clear => (ClearSignedText.Parse(clear.Text) is { } parsed ? PgpSigners.OfArmored(parsed.ArmoredSignature) : SignerIds.None, null),
        _ => (SignerIds.None, null),
    };
}
