import { api } from "../../api/client";

/** What the admin gave an import form: a chosen file, pasted text, and a password or passphrase. */
export type ImportInput = { file: File | null; pasted: string; secret: string };

export type ImportKind = "certificate" | "trust-anchor" | "crl" | "private-key" | "pgp-key";

export type Source = { kind: "file"; file: File } | { kind: "text"; text: string };

/** Exactly one source: a file, or pasted text. Both or neither is a question for the admin, not for the service. */
export function chooseSource(input: ImportInput): Source | { error: string } {
  const text = input.pasted.trim();
  if (input.file && text) return { error: "Choose a file or paste the text, not both." };
  if (input.file) return { kind: "file", file: input.file };
  if (text) return { kind: "text", text: text + "\n" };
  return { error: "Choose a file or paste the text." };
}

const pemStart = new TextEncoder().encode("-----BEGIN");

/** PEM (text, possibly after a byte-order mark or blank lines) or DER (binary): the service reads both, told which. */
export function looksLikePem(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return pemStart.every((b, j) => bytes[i + j] === b);
}

/** The media type the keystore routes expect for a raw upload of this kind. */
export function rawContentType(kind: "certificate" | "trust-anchor" | "crl", pem: boolean): string {
  if (pem) return "application/x-pem-file";
  return kind === "crl" ? "application/pkix-crl" : "application/pkix-cert";
}

async function rawBody(kind: "certificate" | "trust-anchor" | "crl", source: Source) {
  const bytes = source.kind === "file" ? new Uint8Array(await source.file.arrayBuffer()) : new TextEncoder().encode(source.text);
  return { bytes, contentType: rawContentType(kind, looksLikePem(bytes)) };
}

function form(source: Source, secretName: "password" | "passphrase", secret: string): FormData {
  const data = new FormData();
  data.append("file", source.kind === "file" ? source.file : new Blob([source.text], { type: "text/plain" }), source.kind === "file" ? source.file.name : "pasted.txt");
  if (secret) data.append(secretName, secret);
  return data;
}

// The generated types describe an upload body by its media type only (a string, an empty object); the bytes and the
// form go as they are, so the serializer passes them through instead of encoding them as JSON.
const asIs = { bodySerializer: (body: unknown) => body as BodyInit };

/** Sends one import to its route: certificates, trust anchors and CRLs as raw PEM or DER, keys as a form with their secret. */
export async function sendImport(kind: ImportKind, source: Source, secret: string) {
  switch (kind) {
    case "certificate": {
      const { bytes, contentType } = await rawBody(kind, source);
      return api.POST("/api/v1/keystore/smime/certificates", { ...asIs, body: bytes as unknown as string, headers: { "Content-Type": contentType } });
    }
    case "trust-anchor": {
      const { bytes, contentType } = await rawBody(kind, source);
      return api.POST("/api/v1/keystore/smime/trust-anchors", { ...asIs, body: bytes as unknown as string, headers: { "Content-Type": contentType } });
    }
    case "crl": {
      const { bytes, contentType } = await rawBody(kind, source);
      return api.POST("/api/v1/keystore/smime/crls", { ...asIs, body: bytes as unknown as string, headers: { "Content-Type": contentType } });
    }
    case "private-key":
      return api.POST("/api/v1/keystore/smime/private-keys", { ...asIs, body: form(source, "password", secret) as unknown as Record<string, never> });
    case "pgp-key":
      return api.POST("/api/v1/keystore/pgp/keys", { ...asIs, body: form(source, "passphrase", secret) as unknown as string });
  }
}
