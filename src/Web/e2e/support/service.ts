import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import net from "node:net";
import { paths } from "./paths";

export type ServiceSecrets = { signingKey: string; adminPassword: string };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address !== "string" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The test cluster scripts/test starts (ensure_postgres exports the connection string; else the port it uses). */
export function connectionString(): string {
  return process.env.ConnectionStrings__Marten
    ?? `Host=127.0.0.1;Port=${process.env.TEST_POSTGRES_PORT ?? "5434"};Database=postgres;Username=postgres`;
}

function psqlArguments(connection: string): string[] {
  const part = (key: string) => new RegExp(`(?:^|;)\\s*${key}\\s*=\\s*([^;]*)`, "i").exec(connection)?.[1];
  return ["-h", part("Host") ?? "127.0.0.1", "-p", part("Port") ?? "5432", "-U", part("Username") ?? "postgres",
    "-d", part("Database") ?? "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c", "SET client_min_messages = warning"];
}

/** Each run starts from an empty schema of its own: no state from an earlier run leaks into this one. */
function dropSchema(connection: string, schema: string) {
  const password = /(?:^|;)\s*Password\s*=\s*([^;]*)/i.exec(connection)?.[1];
  execFileSync("psql", [...psqlArguments(connection), "-c", `DROP SCHEMA IF EXISTS "${schema}" CASCADE`], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The service exited with ${child.exitCode} before it was healthy:\n${tail(paths.apiLog)}`);
    try {
      const response = await fetch(`${url}/health`);
      const body = (await response.json()) as { status: string; warmUp: string };
      last = `${response.status} ${JSON.stringify(body)}`;
      // Healthy, and Wolverine's code compiled: otherwise the first clicks wait for Roslyn on a busy machine.
      if (response.ok && body.warmUp !== "Running") return;
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The service was not healthy within ${timeoutMs / 1000} s (last: ${last}):\n${tail(paths.apiLog)}`);
}

function tail(file: string, lines = 40): string {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(-lines).join("\n") : "(no log)";
}

/** Starts the built API (it serves the built web app too) on a free port, against a fresh schema; resolves when healthy. */
export async function startService(smtpPort: number): Promise<{ url: string; secrets: ServiceSecrets; stop(): Promise<void> }> {
  if (!existsSync(paths.api)) throw new Error(`${paths.api} is missing: build the API in Release first (dotnet build src/Api -c Release).`);
  if (!existsSync(`${paths.dist}/index.html`)) throw new Error(`${paths.dist} has no index.html: build the web app first (scripts/lib/web.sh build_web).`);
  const connection = connectionString();
  const schema = process.env.E2E_SCHEMA ?? "e2e_web";
  dropSchema(connection, schema);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const secrets: ServiceSecrets = {
    signingKey: randomBytes(32).toString("hex"),
    adminPassword: `e2e-${randomBytes(12).toString("base64url")}`,
  };
  const log = openSync(paths.apiLog, "w");
  const child = spawn("dotnet", [paths.api], {
    cwd: paths.root,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      ASPNETCORE_URLS: url,
      ConnectionStrings__Marten: connection,
      Marten__Schema: schema,
      Web__Root: paths.dist,
      Smtp__Host: "127.0.0.1",
      Smtp__Port: String(smtpPort),
      Smtp__Security: "None",
      Delivery__RetryDelaysSeconds: "1,2,5",
      Auth__SigningKey: secrets.signingKey,
      Auth__AllowLocalSigningKey: "true",
      Vault__Key: randomBytes(32).toString("base64"),
      Audit__ChainKey: randomBytes(32).toString("base64"),
      Accounts__BootstrapAdminPassword: secrets.adminPassword,
    },
  });
  closeSync(log);
  const kill = () => child.exitCode === null && child.kill("SIGKILL");
  process.once("exit", kill);
  try {
    await waitForHealth(url, child, 180_000);
  } catch (e) {
    kill();
    throw e;
  }
  return {
    url,
    secrets,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(kill, 15_000);
      await exited;
      clearTimeout(timer);
      process.off("exit", kill);
    },
  };
}
