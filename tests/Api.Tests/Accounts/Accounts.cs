using System.Net;
using System.Net.Http.Json;
using SecureMail.Api.Tests.Support;

namespace SecureMail.Api.Tests.Accounts;

/// <summary>Accounts made for one test, by an admin's bearer token, each with a name of its own.</summary>
public static class Accounts
{
    public const string Users = "/api/v1/users";

    public static string NewName(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}"[..24];

    public static string NewPassword() => $"pw-{Guid.NewGuid():N}";

    public static async Task<(string Name, string Password)> Create(ServiceFixture service, string role)
    {
        var (name, password) = (NewName(role), NewPassword());
        await (await service.Client("admin").PostAsJsonAsync(Users, new { name, role, password })).Json(HttpStatusCode.Created);
        return (name, password);
    }
}
