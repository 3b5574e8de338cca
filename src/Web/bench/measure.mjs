// Measures the web app for scripts/bench and prints one JSON line:
// - javascriptGzipBytes: every .js file the build ships, gzipped (what a first visit downloads);
// - apiMs: median time of the call that feeds the ticket view (GET /api/v1/tickets/{id}), from the page, with its cookie;
// - viewMs: median time from navigation start until the ticket view shows every article and its reply box;
// - dataArrivedMs: median time from navigation start until the ticket's data had arrived (the rest is rendering).
// Env: BENCH_WEB (service URL), BENCH_TICKET, BENCH_ARTICLES, BENCH_USER, BENCH_PASSWORD, BENCH_RUNS.
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { chromium } from "@playwright/test";

const env = (name) => process.env[name] ?? (() => { throw new Error(`${name} is not set`); })();
const base = env("BENCH_WEB");
const ticket = env("BENCH_TICKET");
const articles = Number(env("BENCH_ARTICLES"));
const runs = Number(process.env.BENCH_RUNS ?? "7");
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const assets = new URL("../dist/assets/", import.meta.url).pathname;
const javascriptGzipBytes = readdirSync(assets).filter((f) => f.endsWith(".js"))
  .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
  const signIn = await context.request.post("/api/v1/session", { data: { name: env("BENCH_USER"), password: env("BENCH_PASSWORD") } });
  if (!signIn.ok()) throw new Error(`sign-in answered ${signIn.status()}: ${await signIn.text()}`);
  const page = await context.newPage();

  // Ready: every article is in the document and the reply box can take input. Recorded inside the page, on the
  // page's own clock (0 = navigation start), by the first mutation that makes it true.
  await page.addInitScript((count) => {
    const ready = () => document.querySelectorAll("main article").length >= count && document.querySelector("main textarea");
    new MutationObserver((_, observer) => {
      if (ready()) { window.__viewReady = performance.now(); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  }, articles);

  const viewMs = [];
  const apiMs = [];
  const dataArrivedMs = [];
  for (let run = 0; run < runs + 1; run++) {
    await page.goto(`/tickets/${ticket}`);
    await page.waitForFunction(() => window.__viewReady !== undefined, null, { timeout: 60_000 });
    const ms = await page.evaluate(() => window.__viewReady);
    // When the ticket's data had arrived, on the same clock: the rest of the view's time is the app's own work.
    const dataMs = await page.evaluate((id) => performance.getEntriesByType("resource")
      .find((e) => e.name.endsWith(`/api/v1/tickets/${id}`))?.responseEnd ?? NaN, ticket);
    const api = await page.evaluate(async (id) => {
      const start = performance.now();
      const response = await fetch(`/api/v1/tickets/${id}`, { credentials: "same-origin" });
      await response.json();
      return performance.now() - start;
    }, ticket);
    if (run > 0) { viewMs.push(ms); apiMs.push(api); dataArrivedMs.push(dataMs); } // the first run fills the caches a returning agent has
  }
  console.log(JSON.stringify({ javascriptGzipBytes, apiMs: median(apiMs), viewMs: median(viewMs), dataArrivedMs: median(dataArrivedMs), runs }));
} finally {
  await browser.close();
}
