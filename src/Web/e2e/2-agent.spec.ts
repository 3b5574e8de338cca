import path from "node:path";
import { writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { call } from "./support/api";
import { ensureBaseline } from "./support/baseline";
import { accounts, expect, expectAccessible, newPage, rememberSession, saveScreenshot, signIn, test } from "./support/fixtures";
import { keyMaterial } from "./support/keys";
import { decryptAndVerify, delivered, header, waitForDelivery } from "./support/mail";
import { paths } from "./support/paths";
import { choose, turnOn } from "./support/screens";

// An agent writes to a customer: the composer follows what the keystore can do for the recipients, and what reaches the
// customer's mailbox opens with the customer's key and verifies against the group's certificate.
test.describe.serial("agent", () => {
  let page: Page;
  let ticketUrl: string;
  const keys = keyMaterial();
  const subject = "Your replacement card";
  const body = "Hello Alice,\n\nyour replacement card is on its way; the tracking number is attached.\n\nKind regards,\nMaria";

  test.beforeAll(async ({ browser }) => {
    await ensureBaseline();
    page = await newPage(browser);
  });
  test.afterAll(async () => page.context().close());

  const encrypt = () => page.getByRole("button", { name: "Encrypt", exact: true });
  const sign = () => page.getByRole("button", { name: "Sign", exact: true });
  const securityType = () => page.getByRole("radiogroup", { name: "Security type" });
  const status = (name: string) => page.getByRole("img", { name, exact: true });

  test("signs in", async () => {
    await signIn(page, accounts.agent);
    await rememberSession(page, accounts.agent);
  });

  test("composes a new ticket: Sign and Encrypt follow the recipients", async () => {
    await page.getByRole("link", { name: "New ticket" }).click();
    await expect(page).toHaveURL(/\/tickets\/new$/);
    await choose(page.getByLabel("Group"), "Support");

    // Alice has a certificate and a PGP key: both systems can act, so the agent may choose.
    await page.getByLabel("To").fill(keys.alice.email);
    await expect(securityType()).toBeVisible();
    await expect(securityType().getByRole("radio", { name: "S/MIME" })).toBeVisible();
    await expect(securityType().getByRole("radio", { name: "PGP" })).toBeVisible();

    // Bob has an S/MIME certificate only: one system can act, so there is nothing to choose.
    await page.getByLabel("To").fill(keys.bob.email);
    await expect(securityType()).toHaveCount(0);
    await expect(encrypt()).not.toHaveAttribute("aria-disabled", "true");
    await expect(status("This message will be encrypted")).toBeVisible();

    await page.getByLabel("To").fill(keys.alice.email);
    await expect(securityType()).toBeVisible();
    await securityType().getByRole("radio", { name: "S/MIME" }).check();

    await turnOn(encrypt());
    await turnOn(sign());
    await expect(status("This message will be encrypted")).toBeVisible();
    await expect(status("This message will be signed")).toBeVisible();

    // A Cc without a certificate: Encrypt cannot be used and says who lacks one; it stays focusable.
    await page.getByLabel("Cc").fill("carol@example.net");
    await expect(encrypt()).toHaveAttribute("aria-disabled", "true");
    await expect(encrypt()).toHaveAccessibleDescription(/carol@example\.net/);
    await expect(status("This message will not be encrypted")).toBeVisible();
    await expect(status("This message will be signed")).toBeVisible();
    await encrypt().focus();
    await expect(encrypt()).toBeFocused();

    await page.getByLabel("Cc").fill("");
    await expect(encrypt()).not.toHaveAttribute("aria-disabled", "true");
    await turnOn(encrypt());
    await expect(status("This message will be encrypted")).toBeVisible();

    await page.getByLabel("Subject").fill(subject);
    await page.getByLabel("Body").fill(body);
    const attachment = path.join(paths.keys, "tracking.txt");
    writeFileSync(attachment, "DHL 00340434161094042557\n");
    await page.getByLabel("Attachments").setInputFiles(attachment);
    await expectAccessible(page, "new ticket");
    await page.getByLabel("Body").blur();
    await page.getByLabel("To").evaluate((field) => field.scrollIntoView({ block: "start" }));
    await saveScreenshot(page, "compose");
  });

  test("sends it: the ticket shows a signed and encrypted article, and the customer can read it", async () => {
    const before = delivered().length;
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
    ticketUrl = new URL(page.url()).pathname;
    await expect(page.getByText(subject).first()).toBeVisible();
    await expect(page.getByRole("img", { name: "Signed", exact: true }).first()).toBeVisible();
    await expect(page.getByRole("img", { name: "Encrypted", exact: true }).first()).toBeVisible();

    const message = await waitForDelivery(before, (m) => m.envelope.to.includes(keys.alice.email));
    expect(header(message.raw, "Content-Type")).toMatch(/application\/(x-)?pkcs7-mime/);
    expect(message.raw).not.toContain("replacement card is on its way");
    const opened = decryptAndVerify(message.file, keys.alice, keys.support);
    expect(opened).toContain("tracking.txt");
    expect(readable(opened)).toContain("your replacement card is on its way");
    await expectAccessible(page, "ticket view");
  });

  test("replies on the ticket, again signed and encrypted, with the group's public PGP key attached", async () => {
    const before = delivered().length;
    await page.goto(ticketUrl);
    const reply = page.getByRole("form", { name: "Reply" });
    await reply.getByLabel("Body").fill("Hello Alice,\n\nthe card was delivered this morning. Please confirm it works.\n\nMaria");
    await expect(reply.getByLabel("To")).toHaveValue(keys.alice.email);
    await turnOn(reply.getByRole("button", { name: "Encrypt", exact: true }));
    await turnOn(reply.getByRole("button", { name: "Sign", exact: true }));
    await reply.getByLabel("Attach our public PGP key").check();
    await reply.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("the card was delivered this morning").first()).toBeVisible();
    await expect(page.getByRole("img", { name: "Encrypted", exact: true })).toHaveCount(2);
    await expect(reply.getByLabel("Attach our public PGP key")).not.toBeChecked();

    const message = await waitForDelivery(before, (m) => m.envelope.to.includes(keys.alice.email));
    const opened = decryptAndVerify(message.file, keys.alice, keys.support);
    expect(readable(opened)).toContain("the card was delivered this morning");
    // RFC 3156 §7: the key travels as application/pgp-keys, inside the signature and the encryption.
    expect(opened).toContain("application/pgp-keys");
    expect(opened).toMatch(new RegExp(`0x${keys.support.pgp.fingerprint.slice(-16)}\\.asc`, "i"));
  });

  test("a reply to a ticket that changed meanwhile is refused, keeps the typed text, and goes once the agent has read; by keyboard alone", async () => {
    const ticketId = ticketUrl.split("/").pop()!;
    await page.goto(ticketUrl);
    const reply = page.getByRole("form", { name: "Reply" });
    await expect(reply.getByLabel("Body")).toBeVisible();
    // The page refreshes the ticket on its own while deliveries are fresh; held back here, so the page keeps the
    // version it opened with while a colleague answers.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/v1/tickets/${ticketId}`, async (route) => {
      if (route.request().method() === "GET") await held;
      await route.continue();
    });
    const ticket = (await (await call("agent", "GET", `/api/v1/tickets/${ticketId}`)).json()) as { version: number };
    const colleague = await call("agent", "POST", `/api/v1/tickets/${ticketId}/articles`, JSON.stringify({
      to: [keys.alice.email], body: "A colleague answered first.", expectedVersion: ticket.version,
    }), "application/json");
    expect(colleague.status).toBe(201);

    const text = "Hello Alice,\n\none more thing about the card.\n\nMaria";
    await reply.getByLabel("Body").focus();
    await page.keyboard.insertText(text);
    const signButton = reply.getByRole("button", { name: "Sign", exact: true });
    await signButton.focus();
    const pressed = await signButton.getAttribute("aria-pressed");
    await page.keyboard.press("Space");
    await expect(signButton).not.toHaveAttribute("aria-pressed", pressed!);
    await page.keyboard.press("Space");
    await expect(signButton).toHaveAttribute("aria-pressed", pressed!);
    await reply.getByRole("button", { name: "Send" }).focus();
    await page.keyboard.press("Enter");

    await expect(reply.getByRole("alert")).toContainText("This ticket changed since you opened it");
    await expect(reply.getByLabel("Body")).toHaveValue(text);

    release();
    await page.unroute(`**/api/v1/tickets/${ticketId}`);
    await reply.getByRole("button", { name: "Reload the articles" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("A colleague answered first.")).toBeVisible();
    await expect(reply.getByLabel("Body")).toHaveValue(text);
    await reply.getByRole("button", { name: "Send" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("one more thing about the card.")).toBeVisible();
  });
});

/** The text of a MIME entity whatever its transfer encoding (quoted-printable or base64 parts are decoded). */
function readable(entity: string): string {
  const parts = [entity];
  for (const match of entity.matchAll(/Content-Transfer-Encoding:\s*base64\s*\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/gi))
    parts.push(Buffer.from(match[1]!.replace(/\s/g, ""), "base64").toString("utf8"));
  return parts.join("\n").replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r\n/g, "\n");
}
