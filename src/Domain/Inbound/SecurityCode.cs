namespace SecureMail.Domain.Inbound;

/// <summary>Why decryption or verification failed or was not done: one vocabulary for facts, events, the aggregate and
/// the API, where each reads in kebab case (<see cref="SecurityCodes.Text"/>).</summary>
public enum SecurityCode
{
    NoPrivateKey,
    Corrupt,
    NoIntegrity,
    Unsupported,
    Malformed,
    /// <summary>Over what one message may cost (parts, nesting, session keys, trial decryptions, signatures): not checked.</summary>
    TooComplex,
    /// <summary>The security process ran out of its time limit: not checked.</summary>
    TimedOut,
    /// <summary>The security process never finished (a crash or an error each time) in its bounded attempts: not checked.</summary>
    AttemptsExhausted,
    NoSigner,
    UnknownSigner,
    UntrustedChain,
    BadSignature,
    BadKeyBinding,
    UnknownCriticalSubpacket,
    WeakAlgorithm,
    WeakKey,
    NotYetValid,
    Expired,
    Revoked,
    KeyUsage,
    SenderMismatch,
}

/// <summary>Events keep a code as its kebab-case text (the form stored since the first events), read back here.</summary>
public static class SecurityCodes
{
    private static readonly Dictionary<string, SecurityCode> ByText =
        Enum.GetValues<SecurityCode>().ToDictionary(Text, code => code, StringComparer.Ordinal);

    public static string Text(this SecurityCode code) =>
        string.Concat(code.ToString().Select((c, i) => char.IsUpper(c) ? (i == 0 ? "" : "-") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>A stored code; one this version does not know reads as <see cref="SecurityCode.Corrupt"/>, never as success.</summary>
    public static SecurityCode Parse(string? text) => text is not null && ByText.TryGetValue(text, out var code) ? code : SecurityCode.Corrupt;
}
