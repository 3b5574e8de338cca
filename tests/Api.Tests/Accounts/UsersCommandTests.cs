using System.Diagnostics;
using System.Net;
using SecureMail.Api.Tests.Support;

namespace SecureMail.Api.Tests.Accounts;

/// <summary><c>users add NAME --role ROLE --password-stdin</c> and <c>users list</c>, run as the built service binary on the
/// running service's database: the account it makes signs in at once.</summary>
[Collection(RunningService.Name)]
public class UsersCommandTests(ServiceFixture service)
{
    [Fact]
    public async Task Users_add_makes_an_account_that_signs_in_and_users_list_shows_it()
    {
        var (name, password) = (Accounts.NewName("cli"), Accounts.NewPassword());

        var added = await Run(password + "\n", "users", "add", name, "--role", "auditor", "--password-stdin");
        var taken = await Run(password + "\n", "users", "add", name.ToUpperInvariant(), "--password-stdin");
        var listed = await Run("", "users", "list");

        Assert.True(added.ExitCode == 0, added.Output);
        Assert.DoesNotContain(password, added.Output);
        Assert.NotEqual(0, taken.ExitCode);
        Assert.Contains($"{name} is taken", taken.Output);
        Assert.Contains($"{name}\tauditor\tenabled", listed.Output);
        var browser = await Browser.SignedIn(service, name, password);
        var session = await (await browser.Client.GetAsync(Browser.Session)).Json(HttpStatusCode.OK);
        Assert.Equal(["auditor"], session["roles"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public async Task Users_add_refuses_a_password_on_the_command_line()
    {
        var name = Accounts.NewName("cli");

        var refused = await Run("", "users", "add", name, "--role", "agent");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("--password-stdin", refused.Output);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client("admin").GetAsync($"{Accounts.Users}/{name}")).StatusCode);
    }

    private async Task<(int ExitCode, string Output)> Run(string input, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SecureMail.Api.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__Marten"] = ServiceFixture.ConnectionString;
        start.Environment["Marten__Schema"] = ServiceFixture.Schema;
        start.Environment["Auth__SigningKey"] = service.Tokens.SigningKey;
        start.Environment["Auth__AllowLocalSigningKey"] = "true";
        start.Environment["Vault__Key"] = service.VaultKey;
        start.Environment["Audit__ChainKey"] = service.ChainKey;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }
}
