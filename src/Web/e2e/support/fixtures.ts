import { existsSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { service } from "./api";
import { paths } from "./paths";

export { expect };

/** The base URL is the service global setup started, known only once it runs. */
export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(service.url);
  },
});

export type Account = { name: string; password: string; role: "admin" | "agent" | "auditor" };

/** The accounts of a run: admin from the service's bootstrap password, the others made at /admin/users by the admin. */
export const accounts = {
  get admin(): Account { return { name: "admin", password: service.adminPassword, role: "admin" }; },
  get agent(): Account { return { name: "maria", password: `agent-${service.signingKey.slice(0, 16)}`, role: "agent" }; },
  get auditor(): Account { return { name: "oskar", password: `auditor-${service.signingKey.slice(16, 32)}`, role: "auditor" }; },
};

const sessionFile = (account: Account) => path.join(paths.sessions, `${account.name}.json`);

/** Signs in through the sign-in screen, as a person does, and lands on /tickets. */
export async function signIn(page: Page, account: Account) {
  await page.goto("/");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/tickets$/);
}

/** Keeps the signed-in cookie of an account so later specs skip the sign-in screen. */
export async function rememberSession(page: Page, account: Account) {
  await page.context().storageState({ path: sessionFile(account) });
}

/** A page of its own (a browser context: its own cookies) for a flow that spans several tests. */
export async function newPage(browser: Browser, storageState?: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: service.url, viewport: { width: 1280, height: 800 }, locale: "en-GB", timezoneId: "Europe/Berlin", storageState,
  });
  return context.newPage();
}

/** A page signed in as the account: its remembered session when there is one, else through the sign-in screen. */
export async function pageFor(browser: Browser, account: Account): Promise<Page> {
  const remembered = existsSync(sessionFile(account)) ? sessionFile(account) : undefined;
  const page = await newPage(browser, remembered);
  if (!remembered) {
    await signIn(page, account);
    await rememberSession(page, account);
  }
  return page;
}

/**
 * Runs axe-core on the screen as it is now; serious and critical violations fail the test (softly, so the flow goes on
 * and every screen's findings are printed), each with the rule, its help text and the offending elements.
 */
export async function expectAccessible(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const described = serious.map((v) =>
    `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\n/g, " ")}`).join("\n")}`);
  if (described.length) console.log(`axe on ${screen}:\n${described.join("\n")}`);
  expect.soft(described, `serious or critical accessibility violations on ${screen}`).toEqual([]);
}

/** Saves the screen for the README (docs/screenshots with E2E_SCREENSHOTS=docs, else .data/e2e/screenshots). */
export async function saveScreenshot(page: Page, name: string) {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(paths.screenshots, `${name}.png`), animations: "disabled", caret: "hide" });
}
