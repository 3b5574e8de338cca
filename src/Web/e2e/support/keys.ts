import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { paths } from "./paths";

/** An S/MIME identity made by openssl: certificate (PEM), private key (PEM) and a PKCS#12 of both. */
export type SmimeIdentity = {
  name: string; email: string; commonName: string;
  certificate: string; privateKey: string; pkcs12: string; pkcs12Password: string; fingerprint: string;
};
/** A root CA made by openssl (its certificate, PEM) and the empty CRL it signed. */
export type CertificateAuthority = { commonName: string; certificate: string; crl: string };
/** A PGP key made by gpg: the public key armored, the secret key armored (no passphrase). */
export type PgpIdentity = { email: string; userId: string; publicKey: string; secretKey: string; fingerprint: string };

export type KeyMaterial = {
  /** The group's own mailbox: its PKCS#12 and PGP secret key are imported; it signs outgoing mail, decrypts incoming. */
  support: SmimeIdentity & { pgp: PgpIdentity };
  /** A customer with both an S/MIME certificate and a PGP key. */
  alice: SmimeIdentity & { pgp: PgpIdentity };
  /** A customer with an S/MIME certificate only. */
  bob: SmimeIdentity;
  /** Another mailbox of ours whose key the keystore does not hold until the admin imports it. */
  billing: SmimeIdentity;
  /** A certificate imported to be removed again. */
  dave: SmimeIdentity;
  /** A trust anchor and its CRL, imported to be removed again. */
  root: CertificateAuthority;
};

const manifest = () => path.join(paths.keys, "keys.json");

export function run(command: string, args: string[], input?: Buffer | string, env?: NodeJS.ProcessEnv): Buffer {
  return execFileSync(command, args, { input, env: env ?? process.env, stdio: ["pipe", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
}

function smimeIdentity(name: string, email: string, commonName: string, organisation: string): SmimeIdentity {
  const file = (ext: string) => path.join(paths.keys, `${name}.${ext}`);
  const identity: SmimeIdentity = {
    name, email, commonName,
    certificate: file("pem"), privateKey: file("key"), pkcs12: file("p12"), pkcs12Password: `${name}-p12-secret`, fingerprint: "",
  };
  run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", identity.privateKey, "-out", identity.certificate,
    "-days", "365", "-subj", `/CN=${commonName}/O=${organisation}`, "-addext", `subjectAltName=email:${email}`,
    "-addext", "basicConstraints=critical,CA:FALSE",
    "-addext", "keyUsage=critical,digitalSignature,keyEncipherment", "-addext", "extendedKeyUsage=emailProtection"]);
  run("openssl", ["pkcs12", "-export", "-inkey", identity.privateKey, "-in", identity.certificate, "-out", identity.pkcs12,
    "-name", commonName, "-passout", `pass:${identity.pkcs12Password}`]);
  const printed = run("openssl", ["x509", "-in", identity.certificate, "-noout", "-fingerprint", "-sha256"]).toString();
  identity.fingerprint = printed.split("=")[1]!.replace(/:/g, "").trim().toUpperCase();
  return identity;
}

function certificateAuthority(name: string, commonName: string, organisation: string): CertificateAuthority {
  const file = (ext: string) => path.join(paths.keys, `${name}.${ext}`);
  const authority = { commonName, certificate: file("pem"), crl: file("crl") };
  run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", file("key"), "-out", authority.certificate, "-days", "365",
    "-subj", `/CN=${commonName}/O=${organisation}`, "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
  // `openssl ca` keeps its issued certificates in a database file: an empty one signs a CRL that revokes nothing.
  writeFileSync(file("index"), "");
  writeFileSync(file("crlnumber"), "01\n");
  writeFileSync(file("cnf"), `[ca]\ndefault_ca = root\n[root]\ndatabase = ${file("index")}\ncrlnumber = ${file("crlnumber")}\ndefault_md = sha256\ndefault_crl_days = 30\n`);
  run("openssl", ["ca", "-gencrl", "-config", file("cnf"), "-keyfile", file("key"), "-cert", authority.certificate, "-out", authority.crl]);
  return authority;
}

/** The throwaway GNUPGHOME that holds every PGP key the tests made, secret parts included. */
export const gnupgHome = path.join(paths.keys, "gnupg");

/** Runs gpg on the tests' own keyring, then stops the agent it started. */
export function gpg(args: string[], input?: Buffer | string): Buffer {
  const env = { ...process.env, GNUPGHOME: gnupgHome };
  try {
    return run("gpg", ["--batch", "--yes", "--quiet", "--trust-model", "always", ...args], input, env);
  } finally {
    run("gpgconf", ["--kill", "gpg-agent"], undefined, env);
  }
}

function pgpIdentity(name: string, realName: string, email: string): PgpIdentity {
  gpg(["--gen-key"], [
    "%no-protection", "Key-Type: RSA", "Key-Length: 2048", "Key-Usage: sign,cert", "Subkey-Type: RSA", "Subkey-Length: 2048",
    "Subkey-Usage: encrypt", `Name-Real: ${realName}`, `Name-Email: ${email}`, "Expire-Date: 2y", "%commit", "",
  ].join("\n"));
  const colons = gpg(["--with-colons", "--fingerprint", email]).toString();
  const fingerprint = /^fpr:+([0-9A-F]+):/m.exec(colons)![1]!;
  const publicKey = path.join(paths.keys, `${name}-pgp-public.asc`);
  const secretKey = path.join(paths.keys, `${name}-pgp-secret.asc`);
  writeFileSync(publicKey, gpg(["--armor", "--export", fingerprint]));
  writeFileSync(secretKey, gpg(["--armor", "--export-secret-keys", fingerprint]));
  return { email, userId: `${realName} <${email}>`, publicKey, secretKey, fingerprint };
}

/** Makes every key the tests use, with openssl and gpg (a throwaway GNUPGHOME), under .data/e2e/keys. */
export function makeKeyMaterial(): KeyMaterial {
  mkdirSync(paths.keys, { recursive: true });
  mkdirSync(gnupgHome, { recursive: true, mode: 0o700 });
  const material: KeyMaterial = {
    support: {
      ...smimeIdentity("support", "support@example.com", "Support Team", "Example Helpdesk"),
      pgp: pgpIdentity("support", "Support Team", "support@example.com"),
    },
    alice: {
      ...smimeIdentity("alice", "alice@example.com", "Alice Meyer", "Meyer Logistik GmbH"),
      pgp: pgpIdentity("alice", "Alice Meyer", "alice@example.com"),
    },
    bob: smimeIdentity("bob", "bob@example.org", "Bob Jones", "Jones & Sons"),
    billing: smimeIdentity("billing", "billing@example.com", "Billing Desk", "Example Helpdesk"),
    dave: smimeIdentity("dave", "dave@example.net", "Dave Old", "Old Partners"),
    root: certificateAuthority("root", "Example Root CA", "Example Trust Services"),
  };
  writeFileSync(manifest(), JSON.stringify(material, null, 2));
  return material;
}

export function keyMaterial(): KeyMaterial {
  return JSON.parse(readFileSync(manifest(), "utf8")) as KeyMaterial;
}

/** A fingerprint as a pattern that allows the grouping a screen may use (spaces, colons) between its hex digits. */
export function fingerprintPattern(fingerprint: string): RegExp {
  return new RegExp(fingerprint.replace(/[^0-9A-Fa-f]/g, "").split("").join("[\\s:]*"), "i");
}
