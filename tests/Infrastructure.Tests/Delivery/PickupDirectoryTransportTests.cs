using MimeKit;
using SecureMail.Application.Delivery;
using SecureMail.Infrastructure.Delivery;

namespace SecureMail.Infrastructure.Tests.Delivery;

public sealed class PickupDirectoryTransportTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("securemail-pickup-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Each_message_is_written_whole_to_its_own_file_in_a_directory_it_creates()
    {
        var directory = Path.Combine(_root.FullName, "outbox", "nested");
        var transport = new PickupDirectoryTransport(directory);
        var raw = TestMessages.Plain();

        var first = await transport.SendAsync(raw, "helpdesk@example.test", ["bob@example.test"], default);
        await transport.SendAsync(raw, "helpdesk@example.test", ["bob@example.test"], default);

        var files = Directory.GetFiles(directory);
        Assert.Equal(2, files.Length);
        Assert.All(files, file => Assert.Matches(@"^\d{8}T\d{9}Z-[0-9a-f]{32}\.eml$", Path.GetFileName(file)));
        var path = Assert.Single(files, file => first == $"written {file}");
        Assert.Equal(raw, await File.ReadAllBytesAsync(path));
        Assert.Equal("<plain-1@example.test>", "<" + MimeMessage.Load(path).MessageId + ">");
    }

    [Fact]
    public async Task A_directory_that_cannot_be_written_is_a_transient_failure()
    {
        var blocker = Path.Combine(_root.FullName, "a-file");
        await File.WriteAllTextAsync(blocker, "not a directory");

        var failure = await Assert.ThrowsAsync<MailTransportFailed>(() =>
            new PickupDirectoryTransport(Path.Combine(blocker, "outbox")).SendAsync(TestMessages.Plain(), "a@example.test", ["b@example.test"], default));

        Assert.False(failure.Permanent);
    }
}
