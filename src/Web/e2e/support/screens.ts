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

/** Chooses a file the way a screen asks for it: a file chooser opened by the button, or a labelled file field. */
export async function chooseFile(page: Page, opener: Locator, file: string, field: RegExp = /file/i) {
  const chooser = page.waitForEvent("filechooser", { timeout: 3_000 }).catch(() => null);
  await opener.click();
  const opened = await chooser;
  if (opened) await opened.setFiles(file);
  else await page.getByLabel(field).setInputFiles(file);
}

/** Fills a field that may be a text box or a select (a group picker, a role picker). */
export async function choose(field: Locator, value: string) {
  const tag = await field.evaluate((e) => e.tagName);
  if (tag === "SELECT") await field.selectOption({ label: value });
  else await field.fill(value);
}

/** Confirms a destructive action, whether the screen asks with window.confirm or an in-page dialog. */
export async function confirmIfAsked(page: Page, action: Locator, confirmName: RegExp) {
  page.once("dialog", (dialog) => dialog.accept());
  await action.click();
  const dialog = page.getByRole("dialog").or(page.getByRole("alertdialog"));
  if (await dialog.isVisible().catch(() => false)) await dialog.getByRole("button", { name: confirmName }).click();
}
