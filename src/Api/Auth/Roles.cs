using SecureMail.Domain.Accounts;

namespace SecureMail.Api.Auth;

/// <summary>The values of the <c>role</c> claim of a token or a session. Endpoints name them in [Authorize(Roles = ...)].
/// A person's account holds the first three; <c>mailer</c> and <c>metrics</c> are for programs with bearer tokens.</summary>
public static class Roles
{
    public const string Admin = AccountRoles.Admin;
    public const string Agent = AccountRoles.Agent;
    public const string Auditor = AccountRoles.Auditor;
    public const string Mailer = "mailer";
    /// <summary>Reads /metrics and nothing else: what a Prometheus scraper's token holds.</summary>
    public const string Metrics = "metrics";

    public const string Readers = Admin + "," + Auditor;
    public const string Everyone = Admin + "," + Agent + "," + Auditor;

    public static readonly string[] All = [Admin, Agent, Auditor, Mailer, Metrics];
}
