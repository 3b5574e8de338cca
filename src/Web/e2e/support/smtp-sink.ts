import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

/**
 * The relay the service delivers to: a real SMTP server (no TLS, no authentication, as Smtp__Security=None asks) that
 * writes every message it accepts to `dir` as NNN.eml, with NNN.json holding the envelope, for the tests to read.
 */
export async function startSmtpSink(dir: string): Promise<{ port: number; stop(): Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    size: 50 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const name = String(++received).padStart(3, "0");
        writeFileSync(path.join(dir, `${name}.eml`), Buffer.concat(chunks));
        writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({
          from: session.envelope.mailFrom && session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
        }));
        callback(null, `Queued as ${name}`);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("The SMTP sink has no port.");
  return {
    port: address.port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
