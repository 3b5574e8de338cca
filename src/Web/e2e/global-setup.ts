import { mkdirSync, rmSync } from "node:fs";
import type { FullConfig } from "@playwright/test";
import { makeKeyMaterial } from "./support/keys";
import { paths } from "./support/paths";
import { startService } from "./support/service";
import { startSmtpSink } from "./support/smtp-sink";

/**
 * Starts the real parts once per run: an SMTP server as the relay, and the built service (API and web app) on a fresh
 * schema of the test cluster. Tests learn where they are from E2E_* variables (workers inherit this process's
 * environment). The returned function is the teardown.
 */
export default async function globalSetup(_config: FullConfig) {
  for (const dir of [paths.keys, paths.mail, paths.sessions]) rmSync(dir, { recursive: true, force: true });
  mkdirSync(paths.work, { recursive: true });
  mkdirSync(paths.sessions, { recursive: true });
  mkdirSync(paths.screenshots, { recursive: true });

  const started = Date.now();
  makeKeyMaterial();
  const keysMade = Date.now();
  const sink = await startSmtpSink(paths.mail);
  let service;
  try {
    service = await startService(sink.port);
  } catch (e) {
    await sink.stop();
    throw e;
  }
  console.log(`e2e: service on ${service.url}, SMTP sink on 127.0.0.1:${sink.port} ` +
    `(keys ${seconds(keysMade - started)}, service ${seconds(Date.now() - keysMade)}; log ${paths.apiLog})`);

  process.env.E2E_BASE_URL = service.url;
  process.env.E2E_SIGNING_KEY = service.secrets.signingKey;
  process.env.E2E_ADMIN_PASSWORD = service.secrets.adminPassword;

  return async () => {
    await service.stop();
    await sink.stop();
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
