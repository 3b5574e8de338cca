using System.Net;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using SecureMail.Api.Tests.Support;
using SecureMail.Api.Tests.Tickets;
using SecureMail.TestKit.Smime;

namespace SecureMail.Api.Tests;

/// <summary>The README's production setup: the service connects as an ordinary role that owns its schema, with no right
/// to create anything else in the database, and everything works.</summary>
public sealed class NonSuperuserRoleTests : IAsyncLifetime
{
    private const string Schema = "non_superuser_tests";
    private const string Role = "securemail_non_superuser_test";
    private readonly ServiceFixture service;

    public NonSuperuserRoleTests()
    {
        var connection = new NpgsqlConnectionStringBuilder(ServiceFixture.ConnectionString) { Username = Role, Password = "not a superuser" }.ConnectionString;
        service = new ServiceFixture(Schema, web => web.UseSetting("ConnectionStrings:Marten", connection), CreateRoleOwningTheSchema);
    }

    public Task InitializeAsync() => service.InitializeAsync();

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await DropRole();
    }

    [Fact]
    public async Task The_service_runs_as_a_role_that_only_owns_its_schema()
    {
        var helpdesk = new Helpdesk(service);
        await helpdesk.Configure();
        var group = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var alice = await helpdesk.Certificate(helpdesk.Mailbox("alice"));
        using var openssl = new OpenSslWorkspace();

        var composed = await helpdesk.Composed(await helpdesk.Compose([helpdesk.Mailbox("alice")], new { type = "SMIME", sign = true, encrypt = true }));
        var received = await helpdesk.Ingest(OpenSslMail.SignedAndEncrypted(openssl, helpdesk.Mailbox("alice"), helpdesk.Address, alice, group, "Hello.\n"));

        Assert.Equal("delivered", (string)(await helpdesk.Article(composed.TicketId, composed.ArticleId))["delivery"]!["status"]!);
        var article = await helpdesk.Processed(received);
        Assert.Equal(("decrypted", "valid"),
            ((string)article["security"]!["encryption"]!["status"]!, (string)article["security"]!["signature"]!["status"]!));
        Assert.False(await Database.Scalar<bool>($"select rolsuper or rolcreatedb or rolcreaterole from pg_roles where rolname = '{Role}'"));
        Assert.True(await Database.Scalar<long>($"select count(*) from pg_tables where schemaname = '{Schema}' and tableowner = '{Role}'") > 0);
        Assert.Equal(0L, await Database.Scalar<long>($"select count(*) from pg_tables where schemaname = '{Schema}' and tableowner <> '{Role}'"));
        Assert.Equal(HttpStatusCode.OK, (await service.Client(null).GetAsync("/health")).StatusCode);
    }

    private static async Task CreateRoleOwningTheSchema()
    {
        await DropRole();
        await Database.Execute($"create role {Role} login password 'not a superuser' nosuperuser nocreatedb nocreaterole");
        await Database.Execute($"create schema {Schema} authorization {Role}");
    }

    private static async Task DropRole()
    {
        await Database.Execute($"drop schema if exists {Schema} cascade");
        await Database.Execute($"do $$ begin if exists (select from pg_roles where rolname = '{Role}') then drop owned by {Role}; drop role {Role}; end if; end $$");
    }
}
