namespace SecureMail.Infrastructure.Inbound;

/// <summary>What one incoming message may make the reader do. Honest mail stays far below every cap; past one, the layer
/// is reported failed with the reason, never worked through: thousands of parts, session keys or signatures must not
/// buy a sender minutes of CPU.</summary>
internal static class InboundBudget
{
    /// <summary>MIME entities (leaf parts, multiparts, forwarded messages), counted before MimeKit builds any of them.</summary>
    public const int MaxParts = 1000;

    /// <summary>Levels of multipart and message/rfc822 nesting.</summary>
    public const int MaxDepth = 32;

    /// <summary>Session key packets ahead of OpenPGP encrypted data: one per recipient key, so a hundred is a big Cc list.</summary>
    public const int MaxSessionKeys = 100;

    /// <summary>Private-key operations spent on session keys that name no recipient (key ID 0, <c>gpg --throw-keyids</c>):
    /// each one is a trial decryption with every secret subkey we hold.</summary>
    public const int MaxAnonymousTrials = 16;

    /// <summary>Signatures of one OpenPGP message or signature part (and one-pass signature packets announcing them).</summary>
    public const int MaxSignatures = 16;

    /// <summary>A key that arrived in a message with a bigger modulus or group is not used: BouncyCastle runs Miller-Rabin
    /// rounds on an RSA modulus whenever it builds the key, and their cost grows with the cube of its size.</summary>
    public const int MaxCarriedKeyBits = 8192;
}

/// <summary>Data over <see cref="InboundBudget"/>: reported as such, not worked through.</summary>
/// <param name="excess">What is too much, as a sentence without its end ("The message holds more than 16 signatures").</param>
internal class OverBudget(string excess) : Exception(excess)
{
    public string Excess { get; } = excess;
}
