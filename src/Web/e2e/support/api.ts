import { readFileSync } from "node:fs";
import path from "node:path";
import { mintToken } from "./tokens";

/** What global setup hands to the tests through the environment. */
export const service = {
  get url() { return need("E2E_BASE_URL"); },
  get signingKey() { return need("E2E_SIGNING_KEY"); },
  get adminPassword() { return need("E2E_ADMIN_PASSWORD"); },
};

function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the tests run through playwright.config.ts, whose global setup starts the service.`);
  return value;
}

type Role = "admin" | "agent" | "auditor" | "mailer";

/**
 * The service's API with a bearer token, for what a program does (the mailer posting inbound mail) and for making sure
 * a flow's preconditions hold when its spec runs alone. What a person does goes through the screens.
 */
export async function call(role: Role, method: string, route: string, body?: BodyInit, contentType?: string): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${mintToken(service.signingKey, role)}` };
  if (contentType) headers["Content-Type"] = contentType;
  return fetch(`${service.url}${route}`, { method, headers, body });
}

async function expectStatus(response: Response, ...allowed: number[]) {
  if (!allowed.includes(response.status))
    throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return response;
}

export async function postInbound(raw: Buffer): Promise<{ ticketId: string; articleId: string }> {
  const response = await expectStatus(await call("mailer", "POST", "/api/v1/inbound", new Uint8Array(raw), "message/rfc822"), 202);
  return (await response.json()) as { ticketId: string; articleId: string };
}

const json = (value: unknown) => JSON.stringify(value);

/** Idempotent set-up, so a spec works on its own too: 409 (already held, already there) is fine. */
export const ensure = {
  async systems(smime: boolean, pgp: boolean) {
    await expectStatus(await call("admin", "PUT", "/api/v1/settings/secure-mailing",
      json({ smime: { enabled: smime }, pgp: { enabled: pgp } }), "application/json"), 200, 204);
  },
  async group(name: string, emailAddress: string) {
    const existing = await call("admin", "GET", `/api/v1/groups/${encodeURIComponent(name)}`);
    if (existing.ok) return;
    await expectStatus(await call("admin", "PUT", `/api/v1/groups/${encodeURIComponent(name)}`, json({
      emailAddress, defaults: { smime: { sign: null, encrypt: null }, pgp: { sign: null, encrypt: null } },
    }), "application/json"), 200, 201, 204);
  },
  async certificate(pemFile: string) {
    await expectStatus(await call("admin", "POST", "/api/v1/keystore/smime/certificates", readFileSync(pemFile), "application/x-pem-file"), 201, 409);
  },
  async privateKey(pkcs12File: string, password: string) {
    const form = new FormData();
    form.append("file", new Blob([readFileSync(pkcs12File)], { type: "application/x-pkcs12" }), path.basename(pkcs12File));
    form.append("password", password);
    await expectStatus(await call("admin", "POST", "/api/v1/keystore/smime/private-keys", form), 201, 409);
  },
  async pgpKey(armoredFile: string) {
    await expectStatus(await call("admin", "POST", "/api/v1/keystore/pgp/keys", readFileSync(armoredFile), "application/pgp-keys"), 201, 409);
  },
  async user(name: string, role: "agent" | "auditor" | "admin", password: string) {
    await expectStatus(await call("admin", "POST", "/api/v1/users", json({ name, role, password }), "application/json"), 201, 409);
  },
};
