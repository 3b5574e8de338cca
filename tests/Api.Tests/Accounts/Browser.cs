using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SecureMail.Api.Tests.Support;

namespace SecureMail.Api.Tests.Accounts;

/// <summary>What a browser does for the web app: keeps the cookies the service sets and sends them back, and holds the
/// anti-forgery token of the last session answer.</summary>
public sealed class Browser
{
    public const string Session = "/api/v1/session";
    public const string CsrfHeader = "X-CSRF-Token";

    private readonly CookieJar jar;

    public Browser(ServiceFixture service)
    {
        jar = new CookieJar { InnerHandler = service.Host.Server.CreateHandler() };
        Client = new HttpClient(jar) { BaseAddress = new Uri("http://localhost/") };
    }

    public HttpClient Client { get; }

    public CookieContainer Cookies => jar.Cookies;

    public string? Token { get; private set; }

    public static async Task<Browser> SignedIn(ServiceFixture service, string name, string password)
    {
        var browser = new Browser(service);
        await (await browser.SignIn(name, password)).Json(HttpStatusCode.OK);
        return browser;
    }

    public async Task<HttpResponseMessage> SignIn(string name, string password)
    {
        var response = await Client.PostAsJsonAsync(Session, new { name, password });
        if (response.IsSuccessStatusCode)
            Token = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["antiforgeryToken"];
        return response;
    }

    /// <summary>A changing request as the web app sends it: with the anti-forgery header, unless told otherwise.</summary>
    public Task<HttpResponseMessage> Send(HttpMethod method, string url, object? body = null, string? token = "")
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        if ((token == "" ? Token : token) is { } header)
            request.Headers.Add(CsrfHeader, header);
        return Client.SendAsync(request);
    }

    private sealed class CookieJar : DelegatingHandler
    {
        public CookieContainer Cookies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellation)
        {
            var header = Cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
                request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, cancellation);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
                foreach (var setCookie in setCookies)
                    Cookies.SetCookies(request.RequestUri!, setCookie);
            return response;
        }
    }
}
