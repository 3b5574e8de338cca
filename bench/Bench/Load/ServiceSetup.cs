using System.Text;
using SecureMail.Bench.Crypto;

namespace SecureMail.Bench.Load;

/// <summary>Makes the running service ready the way an admin would over HTTP: both systems on, the Support group,
/// the group's PKCS#12 and the customer's certificate imported.</summary>
public static class ServiceSetup
{
    public const string Password = "bench";

    public static async Task PrepareAsync(ServiceClient service, SmimeIdentities identities)
    {
        await EnsureGroupAsync(service);
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(identities.Support.ToPkcs12(Password)), "file", "support.p12" },
            { new StringContent(Password), "password" },
        };
        await ServiceClient.Expect(service.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/keystore/smime/private-keys") { Content = form }, "admin"), 201);
        await ServiceClient.Expect(service.SendBytesAsync("/api/v1/keystore/smime/certificates", "admin",
            Encoding.ASCII.GetBytes(identities.Alice.Pem), "application/x-pem-file"), 201);
    }

    /// <summary>Both systems on and the Support group; changes nothing when they are already so.</summary>
    public static async Task EnsureGroupAsync(ServiceClient service)
    {
        await ServiceClient.Expect(service.SendJsonAsync(HttpMethod.Put, "/api/v1/settings/secure-mailing", "admin",
            new { smime = new { enabled = true }, pgp = new { enabled = true } }), 200, 204);
        await ServiceClient.Expect(service.SendJsonAsync(HttpMethod.Put, "/api/v1/groups/Support", "admin", new
        {
            emailAddress = SmimeIdentities.Group,
            defaults = new { smime = new { sign = true, encrypt = (bool?)null }, pgp = new { sign = (bool?)null, encrypt = (bool?)null } },
        }), 200, 201, 204);
    }
}
