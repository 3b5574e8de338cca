namespace SecureMail.Application.Keystore;

/// <summary>Why uploaded key material cannot be taken; the API maps each kind to its status code.</summary>
public enum KeyMaterialProblem
{
    /// <summary>Not a certificate/key/CRL in any accepted encoding (garbage, truncated, wrong PEM label): 400.</summary>
    Unreadable,
    /// <summary>Password or passphrase does not open the key: 422.</summary>
    WrongPassword,
    /// <summary>The key is protected and no password was given: 422.</summary>
    PasswordRequired,
    /// <summary>Readable, but an algorithm or form we do not support: 422.</summary>
    Unsupported,
    /// <summary>Readable and supported, but breaks a keystore rule (no e-mail, wrong key usage): 422.</summary>
    Invalid,
    /// <summary>Its password protection asks for more key-derivation work than an import may do (iteration counts,
    /// Argon2 memory and passes, times the number of keys): refused before any of it is done, 422.</summary>
    TooCostly,
}

/// <summary>Thrown by key material readers with a message fit to show to an admin. Never carries secret material.</summary>
public sealed class KeyMaterialRejected(KeyMaterialProblem problem, string message) : Exception(message)
{
    public KeyMaterialProblem Problem { get; } = problem;
}
