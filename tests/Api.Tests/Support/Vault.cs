using Marten;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Application.Keystore;

namespace SecureMail.Api.Tests.Support;

public static class Vault
{
    public static async Task<bool> Holds(ServiceFixture service, Guid entryId) =>
        await Open(service, entryId) is not null;

    public static async Task<byte[]?> Open(ServiceFixture service, Guid entryId)
    {
        await using var session = service.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await service.Host.Services.GetRequiredService<IKeyVault>().OpenAsync(session, entryId, CancellationToken.None);
    }
}
