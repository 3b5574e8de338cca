import { createHmac } from "node:crypto";

const base64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

/** A bearer token as scripts/token makes it: HS256 over the service's local signing key, for programs (the mailer). */
export function mintToken(signingKey: string, role: "admin" | "agent" | "auditor" | "mailer", subject = `e2e-${role}`): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify({
    iss: "secure-mail-local", aud: "secure-mail", sub: subject, role, iat: now, nbf: now, exp: now + 3600,
  }));
  const signature = createHmac("sha256", Buffer.from(signingKey, "utf8")).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}
