namespace SecureMail.Infrastructure.Audit;

/// <summary>The HMAC key of the event log's hash chain: 32 random bytes, base64, from configuration (Audit:ChainKey).
/// Required like the vault key: a default key would let anyone who reads this code rewrite the chain.</summary>
public sealed class ChainKey
{
    public ChainKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
            throw new InvalidOperationException("Audit:ChainKey is not configured: set it to 32 random bytes in base64 (openssl rand -base64 32).");
        try
        {
            Bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Audit:ChainKey is not valid base64.");
        }
        if (Bytes.Length != 32)
            throw new InvalidOperationException($"Audit:ChainKey must be 32 bytes; it is {Bytes.Length}.");
    }

    public byte[] Bytes { get; }
}
