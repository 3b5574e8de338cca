namespace SecureMail.Infrastructure.Vault;

/// <summary>One sealed secret: AES-256-GCM ciphertext with its tag, bound to the keystore entry it belongs to.</summary>
/// <param name="KeyId">Which vault key sealed it (the first bytes of its hash), so a rotation can find what is left to re-seal.</param>
public sealed record VaultSecret(Guid Id, string KeyId, byte[] Nonce, byte[] Ciphertext, byte[] Tag);
