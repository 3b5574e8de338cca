namespace SecureMail.Api.Http;

/// <summary>RFC 7468 text encoding of public material (certificates), 64 characters a line.</summary>
public static class PemText
{
    public static string Of(string label, string base64) =>
        $"-----BEGIN {label}-----\n{string.Join('\n', base64.Chunk(64).Select(c => new string(c)))}\n-----END {label}-----\n";
}
