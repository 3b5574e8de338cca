import type { Page } from "@playwright/test";
import { accounts, expect, expectAccessible, newPage, rememberSession, saveScreenshot, test } from "./support/fixtures";
import { fingerprintPattern, keyMaterial } from "./support/keys";
import { choose, importAtKeystore, removeAtKeystore, row, toggle, turnOn } from "./support/screens";

// The admin sets the helpdesk up through the screens: systems on, a group, the keystore, the agent and auditor accounts.
test.describe.serial("admin", () => {
  let page: Page;
  const keys = keyMaterial();

  test.beforeAll(async ({ browser }) => {
    page = await newPage(browser);
  });
  test.afterAll(async () => page.context().close());

  test("signs in with name and password and lands on the tickets", async () => {
    await page.goto("/");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expectAccessible(page, "sign-in");
    await page.getByLabel("Name").fill(accounts.admin.name);
    await page.getByLabel("Password").fill(accounts.admin.password);
    await saveScreenshot(page, "sign-in");

    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText(/wrong/i);
    await expect(page).toHaveURL(/\/$/);

    await page.getByLabel("Password").fill(accounts.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/tickets$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page, "tickets");
    await rememberSession(page, accounts.admin);
  });

  test("turns S/MIME and PGP on", async () => {
    await page.goto("/admin/settings");
    for (const system of ["S/MIME", "PGP"]) await turnOn(toggle(page, system));
    await page.reload();
    for (const system of ["S/MIME", "PGP"]) await expect(toggle(page, system)).toBeChecked();
  });

  test("adds a group with its sending address", async () => {
    await page.goto("/admin/settings");
    await page.getByLabel("Name", { exact: true }).fill("Support");
    await page.getByLabel(/address/i).fill(keys.support.email);
    await page.getByRole("button", { name: "Add group" }).click();
    await expect(row(page, /^Support\b/)).toContainText(keys.support.email);
    await page.reload();
    await expect(row(page, /^Support\b/)).toContainText(keys.support.email);
    await expectAccessible(page, "settings");
    await saveScreenshot(page, "settings");
  });

  test("imports the group's PKCS#12, a customer's certificate and a PGP key", async () => {
    await page.goto("/admin/keystore");
    await importAtKeystore(page, "Add private key", keys.support.pkcs12, keys.support.pkcs12Password);
    const support = row(page, /Support Team/);
    await expect(support).toContainText(keys.support.email);
    await expect(support).toContainText(fingerprintPattern(keys.support.fingerprint));

    await importAtKeystore(page, "Add certificate", keys.alice.certificate);
    await expect(row(page, /Alice Meyer/).first()).toContainText(keys.alice.email);

    await importAtKeystore(page, "Add PGP key", keys.alice.pgp.publicKey);
    await expect(row(page, fingerprintPattern(keys.alice.pgp.fingerprint))).toContainText(keys.alice.email);
  });

  test("lets a customer's PGP key stand for the customer's domain, then ends it", async () => {
    const alice = row(page, fingerprintPattern(keys.alice.pgp.fingerprint));
    const dialog = page.getByRole("dialog", { name: "Domain alias" });
    await alice.getByRole("button", { name: "Domain alias", exact: true }).click();
    await dialog.getByLabel("Domain").fill("meyer logistik");
    await dialog.getByRole("button", { name: "Save", exact: true }).click();
    await expect(dialog.getByRole("alert")).toContainText("is not a mail domain");
    await expectAccessible(page, "keystore, a domain alias refused");
    await dialog.getByLabel("Domain").fill("meyer-logistik.example");
    await dialog.getByRole("button", { name: "Save", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(alice).toContainText("Stands for @meyer-logistik.example");
    await page.reload();
    await expect(alice).toContainText("Stands for @meyer-logistik.example");
    await alice.getByRole("button", { name: "Domain alias", exact: true }).click();
    await expect(dialog.getByLabel("Domain")).toHaveValue("meyer-logistik.example");
    await dialog.getByRole("button", { name: "End alias", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/no longer stands for the addresses of meyer-logistik\.example/)).toBeVisible();
    await expect(alice).not.toContainText("Stands for");
  });

  test("removes a certificate", async () => {
    await importAtKeystore(page, "Add certificate", keys.dave.certificate);
    const dave = row(page, /Dave Old/);
    await expect(dave).toBeVisible();
    await removeAtKeystore(page, dave);
    await expect(dave).toHaveCount(0);
    await page.reload();
    await expect(row(page, /Support Team/)).toBeVisible();
    await expect(row(page, /Dave Old/)).toHaveCount(0);
    await expectAccessible(page, "keystore");
    await saveScreenshot(page, "keystore");
  });

  test("destroys a private key and keeps its certificate", async () => {
    await importAtKeystore(page, "Add private key", keys.dave.pkcs12, keys.dave.pkcs12Password);
    const dave = row(page, /Dave Old/);
    await dave.getByRole("button", { name: "Remove private key", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Remove the private key?" });
    await expect(dialog).toContainText("The certificate stays");
    await expectAccessible(page, "keystore, removing a private key");
    await dialog.getByRole("button", { name: "Remove private key", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/Destroyed the private key of .*Dave Old.*; the certificate stays\./)).toBeVisible();
    await page.reload();
    await expect(dave).toContainText(keys.dave.email);
    await expect(dave.getByRole("button", { name: "Remove private key", exact: true })).toHaveCount(0);
    await expect(row(page, /Support Team/).getByRole("button", { name: "Remove private key", exact: true })).toBeVisible();
    await removeAtKeystore(page, dave);
    await expect(dave).toHaveCount(0);
  });

  test("adds a trust anchor's CRL, reads it in the list, and removes it", async () => {
    const crls = page.getByRole("region", { name: "Certificate revocation lists" });
    await expect(crls).toContainText("No CRLs yet.");
    await importAtKeystore(page, "Add trust anchor", keys.root.certificate);
    await importAtKeystore(page, "Add CRL", keys.root.crl);
    const crl = row(crls, /Example Root CA/);
    await expect(crl).toContainText("0 certificates");
    await expect(crls).toContainText(/Imported the CRL of .*Example Root CA/);
    await expectAccessible(page, "keystore with a CRL");
    await page.reload();
    await crl.getByRole("button", { name: "Remove", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Remove the CRL?" });
    await expect(dialog).toContainText("count as not revoked");
    await dialog.getByRole("button", { name: "Remove", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(crls).toContainText("No CRLs yet.");
    await removeAtKeystore(page, row(page.getByRole("region", { name: "S/MIME certificates" }), /Example Root CA/));
    await expect(row(page, /Example Root CA/)).toHaveCount(0);
  });

  test("creates an agent and an auditor", async () => {
    await page.goto("/admin/users");
    for (const account of [accounts.agent, accounts.auditor]) {
      await page.getByLabel("Name", { exact: true }).fill(account.name);
      await choose(page.getByRole("combobox", { name: "Role", exact: true }), account.role);
      await page.getByLabel(/^Password/).fill(account.password);
      await page.getByRole("button", { name: "Add account" }).click();
      await expect(row(page, new RegExp(`^${account.name}\\b`))).toBeVisible();
    }
    await page.reload();
    for (const account of [accounts.agent, accounts.auditor]) {
      const user = row(page, new RegExp(`^${account.name}\\b`));
      for (const role of ["admin", "agent", "auditor"])
        await expect(user.getByRole("checkbox", { name: role, exact: true })).toBeChecked({ checked: role === account.role });
    }
    await expectAccessible(page, "users");
    await saveScreenshot(page, "users");
  });
});
