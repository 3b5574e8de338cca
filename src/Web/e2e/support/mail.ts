import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { gpg, run, type PgpIdentity, type SmimeIdentity } from "./keys";
import { paths } from "./paths";

/** Incoming mail as a customer's client makes it: openssl signs (multipart/signed), then encrypts to our certificate. */
export function smimeSignedAndEncrypted(options: {
  signer: SmimeIdentity; recipient: SmimeIdentity; from: string; to: string; subject: string; body: string;
}): Buffer {
  const signed = run("openssl", ["cms", "-sign", "-text", "-signer", options.signer.certificate, "-inkey", options.signer.privateKey],
    options.body.replace(/\r?\n/g, "\r\n"));
  return run("openssl", ["cms", "-encrypt", "-aes256", "-from", options.from, "-to", options.to, "-subject", options.subject,
    options.recipient.certificate], signed);
}

/** Incoming PGP/MIME (RFC 3156) as a customer's client makes it: gpg signs and encrypts a text part in one message. */
export function pgpSignedAndEncrypted(options: {
  signer: PgpIdentity; recipient: PgpIdentity; from: string; to: string; subject: string; body: string;
}): Buffer {
  const inner = `Content-Type: text/plain; charset=utf-8\r\n\r\n${options.body.replace(/\r?\n/g, "\r\n")}\r\n`;
  const armored = gpg(["--armor", "--sign", "--encrypt", "--local-user", options.signer.fingerprint,
    "--recipient", options.recipient.fingerprint], inner).toString("utf8");
  const boundary = `pgp-${Math.random().toString(36).slice(2)}`;
  return Buffer.from([
    `From: ${options.from}`, `To: ${options.to}`, `Subject: ${options.subject}`,
    `Date: ${new Date().toUTCString().replace("GMT", "+0000")}`, "MIME-Version: 1.0",
    `Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="${boundary}"`, "",
    `--${boundary}`, "Content-Type: application/pgp-encrypted", "", "Version: 1", "",
    `--${boundary}`, 'Content-Type: application/octet-stream; name="encrypted.asc"', "", armored.replace(/\r?\n/g, "\r\n").trimEnd(), "",
    `--${boundary}--`, "",
  ].join("\r\n"));
}

/** A plain text message, as most customers still send. */
export function plainMail(options: { from: string; to: string; subject: string; body: string; date?: Date }): Buffer {
  const domain = options.from.replace(/.*@/, "").replace(/>.*/, "");
  return Buffer.from([
    `From: ${options.from}`, `To: ${options.to}`, `Subject: ${options.subject}`,
    `Date: ${(options.date ?? new Date()).toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: <${Date.now()}.${Math.random().toString(36).slice(2)}@${domain}>`,
    "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", options.body, "",
  ].join("\r\n"));
}

export type Delivered = { file: string; raw: string; envelope: { from: string; to: string[] } };

/** Every message the SMTP sink received so far, oldest first. */
export function delivered(): Delivered[] {
  if (!existsSync(paths.mail)) return [];
  return readdirSync(paths.mail).filter((f) => f.endsWith(".eml")).sort().map((f) => {
    const file = path.join(paths.mail, f);
    return {
      file,
      raw: readFileSync(file, "latin1"),
      envelope: JSON.parse(readFileSync(file.replace(/\.eml$/, ".json"), "utf8")) as Delivered["envelope"],
    };
  });
}

/** Waits until the SMTP sink holds a message, past the first `since` ones, that `matches`, and returns it. */
export async function waitForDelivery(since: number, matches: (message: Delivered) => boolean, timeout = 30_000): Promise<Delivered> {
  let found: Delivered | undefined;
  await expect.poll(() => (found = delivered().slice(since).find(matches)), { timeout, message: "a message reached the SMTP sink" })
    .toBeTruthy();
  return found!;
}

export function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? "";
  const match = new RegExp(`^${name}:[ \\t]*((?:.*)(?:\\r?\\n[ \\t].*)*)`, "im").exec(head);
  return match?.[1]?.replace(/\r?\n[ \t]+/g, " ").trim();
}

/** Reads a message as the customer's client would: openssl decrypts it with the customer's key, then verifies the signer. */
export function decryptAndVerify(file: string, recipient: SmimeIdentity, signer: SmimeIdentity): string {
  const inner = run("openssl", ["cms", "-decrypt", "-in", file, "-recip", recipient.certificate, "-inkey", recipient.privateKey]);
  return run("openssl", ["cms", "-verify", "-CAfile", signer.certificate], inner).toString("utf8");
}
