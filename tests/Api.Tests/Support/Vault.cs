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

    /// <summary>Damages a sealed key the way a failing disk or a bad restore would: it still opens, but is not a key.</summary>
    public static async Task Damage(ServiceFixture service, Guid entryId)
    {
        await using var session = service.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        service.Host.Services.GetRequiredService<IKeyVault>().Seal(session, entryId, "not a private key"u8.ToArray());
        await session.SaveChangesAsync();
    }
}
