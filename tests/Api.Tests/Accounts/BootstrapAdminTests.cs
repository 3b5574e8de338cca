using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Api.Accounts;
using SecureMail.Api.Tests.Support;

namespace SecureMail.Api.Tests.Accounts;

/// <summary>Accounts:BootstrapAdminPassword makes the account admin when there is no account at all, once.</summary>
public sealed class BootstrapAdminTests : IAsyncLifetime
{
    private const string Schema = "accounts_bootstrap";
    private readonly string password = Accounts.NewPassword();
    private readonly ServiceFixture service;

    public BootstrapAdminTests() =>
        service = new ServiceFixture(Schema, web => web.UseSetting(BootstrapAdmin.Setting, password));

    public Task InitializeAsync() => service.InitializeAsync();

    public Task DisposeAsync() => service.DisposeAsync();

    [Fact]
    public async Task The_admin_account_is_made_at_start_and_never_again()
    {
        var bootstrap = service.Host.Services.GetRequiredService<BootstrapAdmin>();

        var again = await Task.WhenAll(bootstrap.EnsureAsync(Accounts.NewPassword(), default), bootstrap.EnsureAsync(Accounts.NewPassword(), default));

        Assert.Equal([false, false], again);
        Assert.Equal(1L, await Database.Scalar<long>($"select count(*) from {Schema}.mt_events where type = 'user_account_created'"));
        var admin = await Browser.SignedIn(service, "admin", password);
        var session = await (await admin.Client.GetAsync(Browser.Session)).Json(HttpStatusCode.OK);
        Assert.Equal(["admin"], session["roles"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(Accounts.Users)).StatusCode);
    }
}
