using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using SecureMail.Bench.Crypto;
using SecureMail.Bench.Harness;
using SecureMail.Bench.Load;

namespace SecureMail.Bench.Web;

/// <summary>The web app's rows (10, 11): the JavaScript it ships, and how soon a long ticket is usable in Chromium
/// compared with the API call that feeds it. Measured by src/Web/bench/measure.mjs in Debian's chromium.</summary>
public static class WebRows
{
    private const string Agent = "bench-agent";

    public static async Task<IReadOnlyList<Row>> RunAsync(BenchOptions options, TextWriter log)
    {
        using var service = new ServiceClient(options.Api, options.SigningKey);
        await service.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2));
        await ServiceSetup.EnsureGroupAsync(service);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await ServiceClient.Expect(service.SendJsonAsync(HttpMethod.Post, "/api/v1/users", "admin", new { name = Agent, role = "agent", password }), 201, 409);
        await ServiceClient.Expect(service.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{Agent}/password", "admin", new { password }), 204);
        var articles = options.Quick ? 20 : 200;
        var ticket = await LongTicketAsync(service, articles);

        var measured = await MeasureAsync(options, ticket, articles, password);
        log.WriteLine($"rows 10, 11: {measured.JavascriptGzipBytes / 1024.0:F1} kB of JavaScript gzipped; a {articles}-article ticket " +
            $"usable in {measured.ViewMs:F0} ms (its data in by {measured.DataArrivedMs:F0} ms), its API call {measured.ApiMs:F0} ms");
        var budget = 300 * 1024.0;
        return
        [
            new Row(10, "JavaScript the web app ships, gzipped (every .js in the build)", new Measured(measured.JavascriptGzipBytes / 1024.0, "kB"),
                "the budget", new Measured(budget / 1024, "kB"), measured.JavascriptGzipBytes / budget, "figure / reference",
                Target.AtMost(1, "<= 1 (at most 300 kB)"), "gzip level 9 of each file, summed: what a first visit downloads"),
            new Row(11, $"ticket view of {articles} articles in Chromium: navigation start until every article and the reply box are in the page",
                new Measured(measured.ViewMs, "ms"), "GET /api/v1/tickets/{id} for the same ticket, from the page", new Measured(measured.ApiMs, "ms"),
                measured.ViewMs / measured.ApiMs, "figure / reference", Target.AtMost(3, "<= 3"),
                $"medians of {measured.Runs} loads after a first one that fills the browser's cache, signed in as an agent with the session cookie; " +
                $"the ticket's data had arrived {measured.DataArrivedMs:F0} ms after navigation start, the rest is rendering"),
        ];
    }

    private static async Task<Guid> LongTicketAsync(ServiceClient service, int articles)
    {
        var opened = await ServiceClient.Expect(service.SendJsonAsync(HttpMethod.Post, "/api/v1/tickets", "agent", new
        {
            group = "Support", customer = SmimeIdentities.Customer, to = new[] { SmimeIdentities.Customer },
            subject = "A long conversation", body = Messages.Body, security = (object?)null,
        }), 201);
        var ticket = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketId").GetGuid();
        for (var i = 1; i < articles; i++)
        {
            var current = await ServiceClient.Expect(service.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tickets/{ticket}"), "agent"), 200);
            var version = (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
            await ServiceClient.Expect(service.SendJsonAsync(HttpMethod.Post, $"/api/v1/tickets/{ticket}/articles", "agent", new
            {
                to = new[] { SmimeIdentities.Customer }, body = $"Reply {i}\n\n{Messages.Body}", security = (object?)null, expectedVersion = version,
            }), 201);
        }
        return ticket;
    }

    private sealed record Measurement(long JavascriptGzipBytes, double ApiMs, double ViewMs, double DataArrivedMs, int Runs);

    private static async Task<Measurement> MeasureAsync(BenchOptions options, Guid ticket, int articles, string password)
    {
        var start = new ProcessStartInfo("node", Path.Combine("src", "Web", "bench", "measure.mjs"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["BENCH_WEB"] = options.Api.ToString().TrimEnd('/'),
                ["BENCH_TICKET"] = ticket.ToString(),
                ["BENCH_ARTICLES"] = articles.ToString(),
                ["BENCH_USER"] = Agent,
                ["BENCH_PASSWORD"] = password,
                ["BENCH_RUNS"] = options.Quick ? "3" : "9",
            },
        };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        if (node.ExitCode != 0)
            throw new InvalidOperationException($"src/Web/bench/measure.mjs failed ({node.ExitCode}): {await errors}");
        var json = JsonSerializer.Deserialize<JsonElement>((await output).Trim().Split('\n')[^1]);
        return new Measurement(json.GetProperty("javascriptGzipBytes").GetInt64(), json.GetProperty("apiMs").GetDouble(),
            json.GetProperty("viewMs").GetDouble(), json.GetProperty("dataArrivedMs").GetDouble(), json.GetProperty("runs").GetInt32());
    }
}
