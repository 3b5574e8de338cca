namespace SecureMail.Api.Auth;

/// <summary>The values of the token's <c>role</c> claim. Endpoints name them in [Authorize(Roles = ...)].</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Agent = "agent";
    public const string Auditor = "auditor";
    public const string Mailer = "mailer";

    public const string Readers = Admin + "," + Auditor;
    public const string Everyone = Admin + "," + Agent + "," + Auditor;

    public static readonly string[] All = [Admin, Agent, Auditor, Mailer];
}
