import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

/** A table row told apart by its accessible name (its subject, user ID, fingerprint or name). */
export const row = (page: Page | Locator, name: string | RegExp) => page.getByRole("row", { name });

/** An on/off control: a switch, or a checkbox where a screen uses one. */
export const toggle = (page: Page, name: string) =>
  page.getByRole("switch", { name, exact: true }).or(page.getByRole("checkbox", { name, exact: true }));

/** Turns a toggle (aria-pressed button, switch or checkbox) on, clicking only when it is off. */
export async function turnOn(control: Locator) {
  const state = async () =>
    (await control.getAttribute("aria-pressed")) ?? (await control.getAttribute("aria-checked")) ?? String(await control.isChecked());
  if ((await state()) !== "true") await control.click();
  await expect.poll(state).toBe("true");
}

/**
 * Imports a file at the keystore: the button (its name as the contract gives it) opens a dialog of the same name with a
 * file field and, for private and secret keys, a password; "Import" sends it and closes the dialog.
 */
export async function importAtKeystore(page: Page, button: string, file: string, secret?: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: button });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/file/i).setInputFiles(file);
  if (secret) await dialog.getByLabel(/password|passphrase/i).fill(secret);
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Fills a field that may be a text box or a select (a group picker, a role picker). */
export async function choose(field: Locator, value: string) {
  const tag = await field.evaluate((e) => e.tagName);
  // An option matches by its value or its whole label ("Support" or "Support (support@example.com)").
  if (tag === "SELECT") await field.selectOption(value);
  else await field.fill(value);
}

/** Removes a keystore entry by its row's Remove button, confirmed in the dialog that names what goes. */
export async function removeAtKeystore(page: Page, entry: Locator) {
  await entry.getByRole("button", { name: "Remove", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^Remove/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(dialog).toBeHidden();
}
