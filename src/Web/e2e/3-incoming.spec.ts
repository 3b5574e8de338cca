import type { Page } from "@playwright/test";
import { postInbound } from "./support/api";
import { ensureBaseline } from "./support/baseline";
import { accounts, expect, expectAccessible, pageFor, saveScreenshot, test } from "./support/fixtures";
import { fingerprintPattern, keyMaterial } from "./support/keys";
import { pgpSignedAndEncrypted, plainMail, smimeSignedAndEncrypted } from "./support/mail";
import { importAtKeystore, row } from "./support/screens";

// Mail arrives from customers (posted by the mail gateway, a program with the mailer's token); the agent sees an honest
// status on each article, and an article waiting for a key we lacked turns decrypted once the admin imports it.
test.describe.serial("incoming mail", () => {
  let agent: Page;
  let admin: Page;
  let verified: { ticketId: string };
  let waiting: { ticketId: string };
  const keys = keyMaterial();
  const icon = (page: Page, name: string) => page.getByRole("img", { name, exact: true });

  test.beforeAll(async ({ browser }) => {
    await ensureBaseline();
    // Other customers' everyday mail, so the ticket list looks like a helpdesk's.
    await postInbound(plainMail({ from: "Jonas Weber <jonas.weber@example.de>", to: keys.support.email, subject: "Invoice 2026-1187 charged twice",
      body: "Hello,\n\nmy card was charged twice for invoice 2026-1187. Could you refund one of them?\n\nJonas" }));
    await postInbound(plainMail({ from: "Priya Raman <priya@example.in>", to: keys.support.email, subject: "Cannot reset my password",
      body: "Hi, the reset link in your mail says it has expired, every time. Priya" }));
    agent = await pageFor(browser, accounts.agent);
    admin = await pageFor(browser, accounts.admin);
  });
  test.afterAll(async () => {
    await agent.context().close();
    await admin.context().close();
  });

  test("a signed and encrypted mail from a known customer shows Encrypted for you and Signature verified", async () => {
    verified = await postInbound(smimeSignedAndEncrypted({
      signer: keys.alice, recipient: keys.support, from: `Alice Meyer <${keys.alice.email}>`, to: keys.support.email,
      subject: "Card declined at checkout",
      body: "Hello,\n\nmy new card is declined at checkout since yesterday. The order number is 55-7781.\n\nAlice",
    }));
    await agent.goto(`/tickets/${verified.ticketId}`);
    await expect(async () => {
      await agent.reload();
      await expect(icon(agent, "Encrypted for you")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    const signature = icon(agent, "Signature verified");
    await expect(signature).toBeVisible();
    await expect(agent.getByText("my new card is declined at checkout")).toBeVisible();

    await signature.hover();
    await expect(agent.getByRole("tooltip").filter({ hasText: /Alice Meyer|alice@example\.com/ })).toBeVisible();
    await expect(signature).toHaveAccessibleDescription(/Alice Meyer|alice@example\.com/);
    await expect(signature).toHaveAccessibleDescription(fingerprintPattern(keys.alice.fingerprint));
    await expectAccessible(agent, "ticket view (incoming)");
  });

  test("a PGP/MIME mail signed and encrypted by gpg shows the same, with the signer's user ID and fingerprint", async () => {
    const pgp = await postInbound(pgpSignedAndEncrypted({
      signer: keys.alice.pgp, recipient: keys.support.pgp, from: `Alice Meyer <${keys.alice.email}>`, to: keys.support.email,
      subject: "Delivery address for the replacement card",
      body: "Hello,\n\nplease send the replacement card to Hafenstrasse 12, 20457 Hamburg.\n\nAlice",
    }));
    await agent.goto(`/tickets/${pgp.ticketId}`);
    await expect(async () => {
      await agent.reload();
      await expect(icon(agent, "Encrypted for you")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    const signature = icon(agent, "Signature verified");
    await expect(signature).toHaveAccessibleDescription(/Alice Meyer/);
    await expect(signature).toHaveAccessibleDescription(fingerprintPattern(keys.alice.pgp.fingerprint));
    await expect(agent.getByText("Hafenstrasse 12, 20457 Hamburg")).toBeVisible();
  });

  test("a mail encrypted to a key we lack shows Could not be decrypted, and why", async () => {
    waiting = await postInbound(smimeSignedAndEncrypted({
      signer: keys.alice, recipient: keys.billing, from: `Alice Meyer <${keys.alice.email}>`, to: keys.billing.email,
      subject: "Refund for order 55-7781",
      body: "Hello billing team,\n\nplease refund the second charge for order 55-7781.\n\nAlice",
    }));
    await agent.goto(`/tickets/${waiting.ticketId}`);
    const failed = icon(agent, "Could not be decrypted");
    await expect(async () => {
      await agent.reload();
      await expect(failed).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(failed).toHaveAccessibleDescription(/Unable to find private key to decrypt/);
    await expect(agent.getByText("please refund the second charge")).toHaveCount(0);
  });

  test("the admin imports that key at the keystore", async () => {
    await admin.goto("/admin/keystore");
    await importAtKeystore(admin, "Add private key", keys.billing.pkcs12, keys.billing.pkcs12Password);
    await expect(row(admin, /Billing Desk/)).toContainText(keys.billing.email);
  });

  test("the waiting article turns decrypted and verified", async () => {
    await expect(async () => {
      await agent.reload();
      await expect(icon(agent, "Encrypted for you")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(icon(agent, "Could not be decrypted")).toHaveCount(0);
    await expect(icon(agent, "Signature verified")).toBeVisible();
    await expect(agent.getByText("please refund the second charge")).toBeVisible();
  });

  test("the ticket list shows every ticket with its last article's security", async () => {
    await agent.getByRole("link", { name: "Tickets", exact: true }).click();
    await expect(agent).toHaveURL(/\/tickets$/);
    for (const subject of ["Card declined at checkout", "Delivery address for the replacement card", "Refund for order 55-7781",
      "Invoice 2026-1187 charged twice", "Cannot reset my password"])
      await expect(row(agent, new RegExp(subject))).toBeVisible();
    await expect(row(agent, /Card declined at checkout/).getByRole("img", { name: "Signature verified" })).toBeVisible();
    await expect(row(agent, /Cannot reset my password/)).toContainText("priya@example.in");
    await expectAccessible(agent, "tickets (agent)");
    await saveScreenshot(agent, "tickets");

    await row(agent, /Card declined at checkout/).getByRole("link").first().click();
    await expect(icon(agent, "Signature verified")).toBeVisible();
    await saveScreenshot(agent, "ticket");
  });
});
