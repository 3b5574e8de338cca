using System.Net;
using System.Net.Sockets;
using SecureMail.TestKit.Polling;

namespace SecureMail.TestKit.Smtp;

/// <summary>A real SMTP server (Debian's python3-aiosmtpd) on a free loopback port, keeping every
/// message it accepts byte for byte in a Maildir, and refusing on demand.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly DirectoryInfo _workspace;
    private readonly SmtpRefusals _refusals;
    private AiosmtpdProcess? _process;
    private string _lastStderr = "";

    private SmtpTestServer(DirectoryInfo workspace, int port)
    {
        _workspace = workspace;
        Port = port;
        Maildir = Path.Combine(workspace.FullName, "maildir");
        _refusals = new SmtpRefusals(Path.Combine(workspace.FullName, "refusals.json"));
    }

    public string Host => "127.0.0.1";
    public int Port { get; }
    public string Maildir { get; }
    public bool IsRunning => _process is not null;
    public string Stderr => _process?.Stderr ?? _lastStderr;

    public static async Task<SmtpTestServer> StartAsync()
    {
        var workspace = Directory.CreateTempSubdirectory("securemail-smtp-");
        RawMaildirHandler.WriteTo(workspace.FullName);
        var server = new SmtpTestServer(workspace, FreePort());
        try
        {
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every later RCPT TO this address gets <paramref name="reply"/>.</summary>
    public void RefuseRecipient(string address, string reply = "550 5.1.1 No such user") => _refusals.Recipient(address, reply);

    /// <summary>Every later MAIL FROM gets <paramref name="reply"/>.</summary>
    public void RefuseSender(string reply = "550 5.7.1 Sender rejected") => _refusals.Sender(reply);

    /// <summary>Every later message is refused after its DATA, as a full or greylisting server would.</summary>
    public void RefuseMessages(string reply = "451 4.3.0 Try again later") => _refusals.Data(reply);

    public void AcceptEverything() => _refusals.Clear();

    /// <summary>From now on the server offers AUTH PLAIN and LOGIN without TLS (it has no TLS at all), and accepts any credentials.</summary>
    public void OfferAuthenticationWithoutTls() => _refusals.OfferAuthenticationWithoutTls();

    /// <summary>Every AUTH command a client sent, as "MECHANISM [initial response]": the credentials, if any, in the clear.</summary>
    public IReadOnlyList<string> AuthenticationAttempts =>
        File.Exists(Path.Combine(Maildir, "auth.log")) ? File.ReadAllLines(Path.Combine(Maildir, "auth.log")) : [];

    /// <summary>Ends the server process, as an outage would: the port then refuses connections.</summary>
    public void Stop()
    {
        if (_process is null)
            return;
        _process.Dispose();
        _lastStderr = _process.Stderr;
        _process = null;
    }

    /// <summary>Starts the server again on the same port and Maildir, and waits until it takes connections.</summary>
    public async Task StartAgainAsync()
    {
        Stop();
        _process = await AiosmtpdProcess.StartAsync(_workspace.FullName, Host, Port, Maildir, _refusals.Path);
    }

    public async Task<IReadOnlyList<byte[]>> WaitForMessagesAsync(int count, TimeSpan timeout) =>
        (await WaitForMailAsync(count, timeout)).Select(mail => mail.Raw).ToList();

    /// <summary>The first <paramref name="count"/> messages received, oldest first, with their envelopes.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMailAsync(int count, TimeSpan timeout)
    {
        var names = await Eventually.Until(() => Task.FromResult(ReceivedMail.Names(Maildir)), names => names.Count >= count, timeout,
            names => $"{count} message(s) at the SMTP server, which holds {names.Count}. Server stderr:\n{Stderr}", TimeSpan.FromMilliseconds(50));
        return names.Take(count).Select(name => ReceivedMail.Read(Maildir, name)).ToList();
    }

    /// <summary>The message with this Message-ID, once it has arrived.</summary>
    public Task<ReceivedMail> WaitForMessageIdAsync(string messageId, TimeSpan timeout) =>
        Eventually.Until(() => Task.FromResult(Received().FirstOrDefault(mail => mail.MessageId == messageId)), mail => mail is not null, timeout,
            _ => $"the message <{messageId}> at the SMTP server, which holds {ReceivedMail.Names(Maildir).Count}")!;

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Received() => ReceivedMail.Names(Maildir).Select(name => ReceivedMail.Read(Maildir, name)).ToList();

    public ValueTask DisposeAsync()
    {
        Stop();
        try { _workspace.Delete(recursive: true); }
        catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
