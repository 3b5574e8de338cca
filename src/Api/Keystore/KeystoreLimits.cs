namespace SecureMail.Api.Keystore;

/// <summary>Keystore:MaxUploadBytes, default 1 MB: no honest certificate, key or CRL upload comes near it.</summary>
public sealed record KeystoreLimits(long MaxUploadBytes)
{
    public static KeystoreLimits From(IConfiguration configuration) =>
        new(configuration.GetValue<long?>("Keystore:MaxUploadBytes") ?? 1024 * 1024);
}
