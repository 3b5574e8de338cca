using System.Net;
using Microsoft.AspNetCore.Hosting;
using SecureMail.Api.Tests.Support;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests;

/// <summary>A shared HS256 signing key lets whoever holds it mint any token: outside Development the service takes one
/// only when told to.</summary>
public sealed class LocalSigningKeyTests
{
    private const string Schema = "local_signing_key_tests";

    [Fact]
    public async Task In_production_the_service_refuses_to_start_with_a_local_signing_key()
    {
        var service = new ServiceFixture(Schema, web => web.UseEnvironment("Production"));

        var failure = await Record.ExceptionAsync(service.InitializeAsync);
        await service.DisposeAsync();

        Assert.NotNull(failure);
        Assert.Contains("Auth:AllowLocalSigningKey=true", string.Join(" | ", Chain(failure).Select(e => e.Message)));
    }

    [Fact]
    public async Task In_production_a_local_signing_key_explicitly_allowed_signs_tokens()
    {
        var service = new ServiceFixture(Schema, web => web.UseEnvironment("Production").UseSetting("Auth:AllowLocalSigningKey", "true"));
        try
        {
            await service.InitializeAsync();

            await (await service.Client("admin").GetAsync(PgpKeys)).Json(HttpStatusCode.OK);
            Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client(null).GetAsync(PgpKeys)).StatusCode);
        }
        finally
        {
            await service.DisposeAsync();
        }
    }

    private static IEnumerable<Exception> Chain(Exception exception) =>
        exception is AggregateException aggregate
            ? aggregate.InnerExceptions.SelectMany(Chain).Prepend(exception)
            : exception.InnerException is { } inner ? Chain(inner).Prepend(exception) : [exception];
}
