import { defineConfig } from "@playwright/test";
import { paths } from "./e2e/support/paths";

// The end-to-end run: the real service (built API + built web app) against the test PostgreSQL cluster and a real SMTP
// server, driven in Debian's Chromium (Playwright's own browser download cannot work here). One worker, the spec files
// in the order of their numbers: the flows build on each other (admin sets up, agent sends, mail arrives, auditor
// verifies), and the machine has two cores.
export default defineConfig({
  testDir: "./e2e",
  testMatch: "*.spec.ts",
  globalSetup: "./e2e/global-setup.ts",
  outputDir: paths.testOutput,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.E2E_JUNIT
    ? [["list"], ["junit", { outputFile: process.env.E2E_JUNIT }]]
    : [["list"]],
  use: {
    viewport: { width: 1280, height: 800 },
    locale: "en-GB",
    timezoneId: "Europe/Berlin",
    actionTimeout: 10_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] },
  },
});
