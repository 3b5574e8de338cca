using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureMail.Api.Tests.Support;

public static class HttpExtensions
{
    public const string Certificates = "/api/v1/keystore/smime/certificates";
    public const string TrustAnchors = "/api/v1/keystore/smime/trust-anchors";
    public const string PrivateKeys = "/api/v1/keystore/smime/private-keys";
    public const string Crls = "/api/v1/keystore/smime/crls";
    public const string PgpKeys = "/api/v1/keystore/pgp/keys";
    public const string SettingsRoute = "/api/v1/settings/secure-mailing";

    public static Task<HttpResponseMessage> PostBytes(this HttpClient client, string url, byte[] body, string contentType = "application/octet-stream")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync(url, content);
    }

    public static Task<HttpResponseMessage> PostText(this HttpClient client, string url, string body, string contentType = "text/plain") =>
        client.PostBytes(url, System.Text.Encoding.UTF8.GetBytes(body), contentType);

    public static Task<HttpResponseMessage> PostFile(this HttpClient client, string url, byte[] file, string passwordField, string? password)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "upload.bin" } };
        if (password is not null)
            form.Add(new StringContent(password), passwordField);
        return client.PostAsync(url, form);
    }

    public static async Task<JsonNode> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>A refusal must be RFC 9457 ProblemDetails whose detail says what is wrong.</summary>
    public static async Task<string> Problem(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)expected, (int)problem["status"]!);
        return (string?)problem["detail"] ?? (string)problem["title"]!;
    }

    /// <summary>A whole list: every page of a paged one (<c>{items, total, page, limit}</c>), or a bare array.</summary>
    public static async Task<JsonArray> List(this HttpClient client, string url)
    {
        var all = new JsonArray();
        for (var page = 1; ; page++)
        {
            var separator = url.Contains('?') ? '&' : '?';
            var answer = await (await client.GetAsync($"{url}{separator}page={page}&limit=200")).Json(HttpStatusCode.OK);
            if (answer is JsonArray array)
                return array;
            foreach (var item in answer["items"]!.AsArray().ToList())
                all.Add(item!.DeepClone());
            if (all.Count >= answer.Value<int>("total") || answer["items"]!.AsArray().Count == 0)
                return all;
        }
    }

    public static T Value<T>(this JsonNode node, string property) => node[property]!.GetValue<T>();
}
