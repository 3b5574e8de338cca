import type { Page } from "@playwright/test";
import { ensureBaseline } from "./support/baseline";
import { accounts, expect, expectAccessible, newPage, saveScreenshot, signIn, test } from "./support/fixtures";
import { row } from "./support/screens";

// The auditor reads, never changes: the event log and its hash chain, and the read models' state.
test.describe.serial("auditor", () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    await ensureBaseline();
    page = await newPage(browser);
  });
  test.afterAll(async () => page.context().close());

  test("signs in and verifies the event log's hash chain", async () => {
    await signIn(page, accounts.auditor);
    await page.getByRole("link", { name: "Audit" }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole("button", { name: "Verify chain" })).toBeVisible();
    await page.getByRole("button", { name: "Verify chain" }).click();
    const result = page.getByRole("status").filter({ hasText: /chain/i });
    await expect(result).toContainText(/Verified [1-9][\d,]* events/);
    await expect(result).toContainText(/the chain holds/i);
    await expect(result).not.toContainText(/broken|tamper/i);
    await expectAccessible(page, "audit");
    await saveScreenshot(page, "audit");
  });

  test("sees the read models, and cannot rebuild them", async () => {
    await page.getByRole("link", { name: "Read models" }).click();
    await expect(page).toHaveURL(/\/admin\/projections$/);
    await expect(row(page, /ticket/i).first()).toBeVisible();
    for (const rebuild of await page.getByRole("button", { name: "Rebuild" }).all()) await expect(rebuild).toBeDisabled();
    await expectAccessible(page, "projections");
    await saveScreenshot(page, "projections");
  });
});
