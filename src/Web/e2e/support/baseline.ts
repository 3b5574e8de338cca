import { ensure } from "./api";
import { accounts } from "./fixtures";
import { keyMaterial } from "./keys";

/**
 * What the admin flow sets up through the screens, made sure of through the API (a no-op after the admin flow), plus
 * what no screen flow imports: a spec that builds on it then also runs on its own.
 */
export async function ensureBaseline() {
  const keys = keyMaterial();
  await ensure.systems(true, true);
  await ensure.group("Support", keys.support.email);
  await ensure.privateKey(keys.support.pkcs12, keys.support.pkcs12Password);
  await ensure.certificate(keys.alice.certificate);
  await ensure.pgpKey(keys.alice.pgp.publicKey);
  await ensure.certificate(keys.bob.certificate);
  await ensure.pgpKey(keys.support.pgp.secretKey);
  await ensure.user(accounts.agent.name, "agent", accounts.agent.password);
  await ensure.user(accounts.auditor.name, "auditor", accounts.auditor.password);
}
