using Marten;
using SecureMail.Application.Accounts;
using SecureMail.Domain.Accounts;

namespace SecureMail.Api.Accounts;

/// <summary>The first account of an installation: with Accounts:BootstrapAdminPassword set and no account at all, the
/// account <c>admin</c> (role admin) is created at start. Nodes starting together race for one stream id; the event
/// store lets one begin it and the others find it taken.</summary>
public sealed class BootstrapAdmin(IConfiguration configuration, IDocumentStore store, PasswordHashing passwords, TimeProvider clock,
    ILogger<BootstrapAdmin> logger) : IHostedService
{
    public const string Setting = "Accounts:BootstrapAdminPassword";
    public const string AccountName = "admin";

    public async Task StartAsync(CancellationToken cancellation)
    {
        if (configuration[Setting] is not { Length: > 0 } password)
            return;
        if (AccountRules.CheckPassword(password) is { } weak)
            throw new InvalidOperationException($"{Setting}: {weak.Message}");
        await EnsureAsync(password, cancellation);
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;

    /// <returns>Whether this call created the account.</returns>
    public async Task<bool> EnsureAsync(string password, CancellationToken cancellation)
    {
        await using (var query = store.QuerySession())
            if (await query.Query<UserAccount>().AnyAsync(cancellation))
                return false;
        try
        {
            var outcome = await CreateUserAccountHandler.RunAsync(
                new CreateUserAccount(AccountName, AccountRoles.Admin, password, "bootstrap"), store, passwords, clock, cancellation);
            if (outcome.Rejection is not null)
                return false;
        }
        catch (Exception e) when (e is Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException)
        {
            return false;
        }
        logger.LogInformation("Created the account {Name} with role admin from {Setting}", AccountName, Setting);
        return true;
    }
}
