using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureMail.Infrastructure.Database;
using SecureMail.Infrastructure.Logging;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Pgp;
using SecureMail.Application.Keystore.Smime;
using SecureMail.Infrastructure.Keystore;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.Infrastructure.Keystore.Smime;
using SecureMail.Infrastructure.Vault;
using SecureMail.Application.Settings;
using SecureMail.Infrastructure.Messages;
using SecureMail.Infrastructure.Settings;
using SecureMail.Application.Messages;
using SecureMail.Application.Inbound;
using SecureMail.Infrastructure.Inbound;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Infrastructure.Outgoing;
using SecureMail.Application.Projections;
using SecureMail.Infrastructure.Projections;
using SecureMail.Application.Tickets.Attachments;
using SecureMail.Infrastructure.Attachments;

namespace SecureMail.Infrastructure;

public static class InfrastructureSetup
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new VaultKey(configuration["Vault:Key"]));
        services.AddHostedService<DatabaseEncodingCheck>();
        services.AddSingleton<IKeyVault, AesGcmKeyVault>();
        // One application name for every node (the default is the content root, which differs between installs).
        services.AddDataProtection().SetApplicationName("SecureMail");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            options.XmlRepository = new DatabaseKeyRing(provider.GetRequiredService<IDocumentStore>());
            options.XmlEncryptor = new VaultKeyRingEncryptor(provider.GetRequiredService<VaultKey>());
        });
        services.AddSingleton<ISmimeKeyMaterialReader, BouncyCastleSmimeKeyMaterialReader>();
        services.AddSingleton<IPgpKeyMaterialReader, BouncyCastlePgpKeyMaterialReader>();
        services.AddSingleton<IPgpArmor, BouncyCastlePgpArmor>();
        services.AddSingleton<RawMessageHandOver>();
        services.AddSingleton<CachedGroupsAndSettings>();
        services.AddSingleton<IGroupsAndSettings>(provider => provider.GetRequiredService<CachedGroupsAndSettings>());
        services.AddSingleton(new GroupsAndSettingsOptions(configuration.GetValue<int?>("GroupsAndSettings:CheckEveryMilliseconds") is { } every
            ? TimeSpan.FromMilliseconds(every) : GroupsAndSettingsOptions.DefaultCheckEvery));
        services.AddHostedService<GroupsAndSettingsWatch>();
        services.ConfigureMarten((provider, options) => options.Listeners.Add(new GroupsAndSettingsCommits(provider.GetRequiredService<CachedGroupsAndSettings>())));
        services.AddSingleton<IRawMessageStore, PostgresRawMessageStore>();
        services.AddSingleton<ISealedContentStore, PostgresSealedContentStore>();
        services.AddSingleton<IAttachmentContent, MimeAttachmentContent>();
        services.AddSingleton<IOutgoingMailComposer, MimeKitOutgoingMailComposer>();
        services.AddSingleton<IInboundMessageReader, MimeKitInboundMessageReader>();
        services.AddSingleton<IProjectionRebuilder, StreamLockedRebuild>();
        services.ConfigureMarten((provider, options) => options.Logger(new ValueFreeMartenLogger(provider.GetRequiredService<ILogger<ValueFreeMartenLogger>>())));
        return services;
    }

    public static void ApplyStore(StoreOptions options)
    {
        options.Schema.For<VaultSecret>();
        options.Schema.For<DataProtectionKey>();
        options.Schema.For<SecureMail.Application.Accounts.UserPassword>();
        // Operational state, not a read model of the events: kept out of StoreConfiguration, so replay does not compare it.
        options.Schema.For<ProjectionRebuild>();
        options.Schema.For<SecurityAttempt>();
        options.Storage.ExtendedSchemaObjects.Add(PostgresRawMessageStore.Definition(options.DatabaseSchemaName));
        options.Storage.ExtendedSchemaObjects.Add(PostgresSealedContentStore.Definition(options.DatabaseSchemaName));
    }
}
