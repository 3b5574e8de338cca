using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace SecureMail.Api.Http;

/// <summary>A key upload read into memory, never spooled to disk (ASP.NET's form reader writes large
/// files to a temp folder, which is no place for a private key).</summary>
public sealed record Upload(byte[] Content, string? Password)
{
    public static async Task<Upload> ReadAsync(HttpRequest request, long limit, CancellationToken cancellation)
    {
        var body = await ReadLimitedAsync(request.Body, limit, cancellation);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return new Upload(body, request.Headers["X-Passphrase"].FirstOrDefault());
        return await ReadMultipartAsync(body, HeaderUtilities.RemoveQuotes(type.Boundary).Value, cancellation);
    }

    private static async Task<Upload> ReadMultipartAsync(byte[] body, string? boundary, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(boundary))
            throw new UploadRejected(StatusCodes.Status400BadRequest, "The multipart/form-data body has no boundary.");
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        byte[]? file = null;
        string? password = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellation) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                    continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, cancellation);
                if (name is "file")
                    file = content.ToArray();
                else if (name is "password" or "passphrase")
                    password = Encoding.UTF8.GetString(content.ToArray());
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new UploadRejected(StatusCodes.Status400BadRequest, $"The multipart/form-data body is malformed: {e.Message}");
        }
        return file is null
            ? throw new UploadRejected(StatusCodes.Status400BadRequest, "The multipart/form-data body has no part named \"file\".")
            : new Upload(file, password);
    }

    /// <summary>The whole body, refused with 413 as soon as it passes <paramref name="limit"/> (nothing is stored).</summary>
    public static Task<byte[]> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellation) =>
        request.ContentLength > limit
            ? throw new UploadRejected(StatusCodes.Status413PayloadTooLarge, $"The message is larger than the limit of {limit} bytes.")
            : request.ContentLength is > 0 and var length
                ? ReadExactlyAsync(request.Body, length, cancellation)
                : ReadLimitedAsync(request.Body, limit, cancellation);

    /// <summary>A body whose length was announced (and checked against the limit) is read into one array of that size:
    /// a growing buffer would hold up to three copies of a large message at its peak (ADR 17).</summary>
    private static async Task<byte[]> ReadExactlyAsync(Stream body, long length, CancellationToken cancellation)
    {
        var content = new byte[length];
        try
        {
            await body.ReadExactlyAsync(content, cancellation);
        }
        catch (EndOfStreamException)
        {
            throw new UploadRejected(StatusCodes.Status400BadRequest, "The request body is shorter than its Content-Length.");
        }
        return content;
    }

    /// <summary>A stream read whole, refused as soon as it passes the limit (413) or when empty (400); the ingest command uses it too.</summary>
    public static async Task<byte[]> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellation)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
                throw new UploadRejected(StatusCodes.Status413PayloadTooLarge, $"The upload is larger than the limit of {limit} bytes.");
        }
        if (buffer.Length == 0)
            throw new UploadRejected(StatusCodes.Status400BadRequest, "The request body is empty.");
        return buffer.ToArray();
    }
}

public sealed class UploadRejected(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
