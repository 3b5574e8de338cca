using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Pgp;
using SecureMail.Application.Keystore.Smime;
using SecureMail.Infrastructure.Keystore;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.Infrastructure.Keystore.Smime;
using SecureMail.Infrastructure.Vault;

namespace SecureMail.Infrastructure;

public static class InfrastructureSetup
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new VaultKey(configuration["Vault:Key"]));
        services.AddSingleton<IKeyVault, AesGcmKeyVault>();
        services.AddSingleton<ISmimeKeyMaterialReader, BouncyCastleSmimeKeyMaterialReader>();
        services.AddSingleton<IPgpKeyMaterialReader, BouncyCastlePgpKeyMaterialReader>();
        services.AddSingleton<IPgpArmor, BouncyCastlePgpArmor>();
        return services;
    }

    public static void ApplyStore(StoreOptions options) => options.Schema.For<VaultSecret>();
}
