using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Infrastructure.Inbound.Pgp;
using SecureMail.Infrastructure.Inbound.Smime;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>Opens one security layer: decrypts or verifies it and returns what it found and the plaintext inside.</summary>
internal static class LayerOpener
{
    public static Task<LayerResult> OpenAsync(SecurityLayer layer, IInboundKeyring keyring, CancellationToken cancellation) => layer switch
    {
        MalformedLayer malformed => Task.FromResult(Failures.Failed(malformed, malformed.Code, malformed.Reason)),
        SmimeEnveloped enveloped => SmimeDecryptor.DecryptAsync(enveloped.Cms, keyring, cancellation),
        SmimeOpaqueSigned opaque => SmimeVerifier.OpaqueAsync(opaque.Cms, keyring, cancellation),
        DetachedSigned { Kind: Domain.Settings.MailSecuritySystem.SMIME } signed =>
            SmimeVerifier.DetachedAsync(signed.Content, signed.Signature, keyring, cancellation),
        DetachedSigned signed => PgpVerifier.DetachedAsync(signed.Content, signed.Signature, keyring, cancellation),
        PgpMessage { Protects: Protection.Encryption } message => PgpDecryptor.DecryptAsync(message, keyring, cancellation),
        PgpMessage message => PgpVerifier.SignedMessageAsync(message.Packets, keyring, cancellation),
        PgpClearSigned clear => ClearSignedVerifier.VerifyAsync(clear, keyring, cancellation),
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer.GetType().Name, null),
    };
}
