using SecureMail.Domain.Keystore;

namespace SecureMail.Application.Keystore.Pgp;

/// <summary>Parses OpenPGP keys. Implemented over BouncyCastle in Infrastructure.
/// Throws <see cref="KeyMaterialRejected"/> for input it cannot take, never anything else.</summary>
public interface IPgpKeyMaterialReader
{
    /// <summary>One or more keys, ASCII-armored or binary, public or secret. Secret keys are opened with
    /// <paramref name="passphrase"/> (WrongPassword / PasswordRequired otherwise) and returned re-protected
    /// without S2K, so that later signing does not pay key derivation; the vault encrypts them at rest. Key derivation
    /// that would cost more than an import may do is refused before any of it runs (TooCostly).</summary>
    /// <param name="cancellation">Checked between keys: one key's derivation cannot be interrupted.</param>
    IReadOnlyList<PgpKeyMaterial> ReadKeys(byte[] data, string? passphrase, CancellationToken cancellation = default);

    /// <summary>The held key with what a newer copy of the same key adds: revocations, self-signatures (a new expiry),
    /// user IDs and subkeys, each only when the key's own primary key signed it and the signature verifies. Nothing the
    /// held key has is dropped; what the copy carries besides (certifications by others, forged signatures, someone
    /// else's subkey) is left out.</summary>
    PgpKeyFacts Merge(PgpKeyFacts held, PgpKeyFacts copy);
}

/// <param name="SecretKeyRing">The transferable secret key, binary, with every secret (sub)key unprotected;
/// null for a public key. Goes to the vault only.</param>
public sealed record PgpKeyMaterial(PgpKeyFacts Facts, byte[]? SecretKeyRing);
