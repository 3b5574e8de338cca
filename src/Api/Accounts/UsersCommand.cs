using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.Hosting;
using SecureMail.Application.Accounts;
using SecureMail.Domain.Accounts;

namespace SecureMail.Api.Accounts;

public sealed class UsersInput : NetCoreInput
{
    [Description("add: create an account; list: print every account")]
    public string Action { get; set; } = "list";

    [Description("The new account's name")]
    public string Name { get; set; } = "";

    [Description("The new account's role: admin, agent or auditor (default agent)")]
    [FlagAlias("role")]
    public string RoleFlag { get; set; } = AccountRoles.Agent;

    [Description("Read the password from the first line of standard input")]
    [FlagAlias("password-stdin")]
    public bool PasswordStdinFlag { get; set; }
}

/// <summary><c>dotnet run --project src/Api -- users add NAME --role agent --password-stdin</c>: the command-line twin of
/// POST /api/v1/users (the same command handler), for the first account or a way back in; <c>users list</c>.</summary>
[Description("Manage user accounts: add one, or list them", Name = "users")]
public sealed class UsersCommand : JasperFxAsyncCommand<UsersInput>
{
    public UsersCommand()
    {
        Usage("Print every account").Arguments(x => x.Action);
        Usage("Add an account").Arguments(x => x.Action, x => x.Name);
    }

    public override async Task<bool> Execute(UsersInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        if (input.Action.Equals("list", StringComparison.OrdinalIgnoreCase))
        {
            await using var session = store.QuerySession();
            foreach (var account in await session.Query<UserAccount>().OrderBy(a => a.Name).ToListAsync())
                Console.WriteLine($"{account.Name}\t{string.Join(",", account.Roles)}\t{(account.Disabled ? "disabled" : "enabled")}");
            return true;
        }
        if (!input.Action.Equals("add", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"Unknown action {input.Action}: add or list.");
            return false;
        }
        // A password given as an argument would stay in the shell's history and show in the process list.
        if (!input.PasswordStdinFlag)
        {
            Console.Error.WriteLine("users add needs --password-stdin, with the password on standard input.");
            return false;
        }
        var password = Console.In.ReadLine();
        var outcome = await CreateUserAccountHandler.RunAsync(
            new CreateUserAccount(input.Name, input.RoleFlag, password, $"cli:{Environment.UserName}"),
            store, host.Services.GetRequiredService<PasswordHashing>(), host.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
        if (outcome.Rejection is { } rejection)
        {
            Console.Error.WriteLine(rejection.Message);
            return false;
        }
        Console.WriteLine($"Created the account {outcome.Value!.Name} with role {input.RoleFlag}.");
        return true;
    }
}
