using SecureMail.Application.Accounts;

namespace SecureMail.Api.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<Credentials>();
        services.AddSingleton<SignInThrottle>();
        services.AddAntiforgeryHeader();
        services.AddSingleton<BootstrapAdmin>();
        services.AddHostedService(provider => provider.GetRequiredService<BootstrapAdmin>());
        return services;
    }
}
