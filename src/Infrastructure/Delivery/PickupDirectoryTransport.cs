using SecureMail.Application.Delivery;

namespace SecureMail.Infrastructure.Delivery;

/// <summary>Leaves each message as a .eml file for a person or another program to pick up:
/// the transport for development and for installations without a relay.</summary>
/// <remarks>The envelope is not written: the file holds exactly the bytes a relay would have been given.</remarks>
public sealed class PickupDirectoryTransport(string directory, TimeProvider? time = null) : IMailTransport
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string Directory { get; } = Path.GetFullPath(directory);

    public async Task<string> SendAsync(byte[] rawMessage, string envelopeFrom, IReadOnlyList<string> recipients, CancellationToken cancellation)
    {
        var name = $"{_time.GetUtcNow():yyyyMMdd'T'HHmmssfff'Z'}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(Directory, name);
        // A reader watching the directory must never see half a message: write aside, then rename.
        var temporary = Path.Combine(Directory, "." + name + ".tmp");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            await File.WriteAllBytesAsync(temporary, rawMessage, cancellation);
            File.Move(temporary, path);
            return $"written {path}";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new MailTransportFailed(false, $"Could not write to the pickup directory {Directory}: {exception.Message}", exception);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
