namespace SecureMail.Infrastructure.Delivery;

/// <summary>The relay that takes our outgoing mail: the <c>Smtp</c> configuration section.</summary>
/// <param name="Security">A MailKit <c>SecureSocketOptions</c> name: None, StartTls, StartTlsWhenAvailable, SslOnConnect or Auto.</param>
public sealed record SmtpOptions
{
    public string Host { get; init; } = "";
    public int Port { get; init; } = 25;
    public string Security { get; init; } = "StartTlsWhenAvailable";
    public string? Username { get; init; }
    public string? Password { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    // The generated ToString would print the password into any log line that mentions the options.
    public override string ToString() =>
        $"SmtpOptions {{ Host = {Host}, Port = {Port}, Security = {Security}, Username = {Username}, Timeout = {Timeout} }}";
}
