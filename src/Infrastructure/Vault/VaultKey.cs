using System.Security.Cryptography;

namespace SecureMail.Infrastructure.Vault;

/// <summary>The key that seals private keys at rest: 32 random bytes, base64, from configuration (Vault:Key).</summary>
public sealed class VaultKey
{
    public VaultKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
            throw new InvalidOperationException("Vault:Key is not configured: set it to 32 random bytes in base64 (openssl rand -base64 32).");
        try
        {
            Bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Vault:Key is not valid base64.");
        }
        if (Bytes.Length != 32)
            throw new InvalidOperationException($"Vault:Key must be 32 bytes (AES-256); it is {Bytes.Length}.");
        Id = Convert.ToHexStringLower(SHA256.HashData(Bytes))[..16];
    }

    public byte[] Bytes { get; }

    public string Id { get; }
}
