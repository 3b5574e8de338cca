import { normalizeFingerprint } from "../../ui/fingerprint";

/**
 * A file name for a downloaded certificate or key: the common name or the user ID's name when there is one
 * ("CN=Alice,O=Example" gives "Alice", "Bob <bob@example.com>" gives "Bob"), else the fingerprint's first 16 digits.
 */
export function downloadName(subject: string | null | undefined, fingerprint: string, extension: "pem" | "asc"): string {
  const commonName = subject?.match(/(?:^|,\s*)CN=([^,]+)/)?.[1];
  const userName = subject?.replace(/<[^>]*>/, "").trim();
  const base = (commonName ?? userName ?? "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "");
  return `${base || normalizeFingerprint(fingerprint).slice(0, 16)}.${extension}`;
}

/** Hands text to the browser as a file to save. */
export function saveText(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
