/** A fingerprint as hex, however it was written (colons, spaces, either case). */
export function normalizeFingerprint(fingerprint: string): string {
  return fingerprint.replace(/[^0-9a-f]/gi, "").toUpperCase();
}

/** Groups of four hex digits, the form people read aloud to each other to compare a key over the phone. */
export function fingerprintGroups(fingerprint: string): string[] {
  return normalizeFingerprint(fingerprint).match(/.{1,4}/g) ?? [];
}

/**
 * The groups on lines of at most five, as even as they come: a SHA-256 fingerprint as four lines of four groups,
 * a PGP v4 fingerprint as two lines of five, as gpg prints it.
 */
export function fingerprintLines(fingerprint: string): string[] {
  const groups = fingerprintGroups(fingerprint);
  const lineCount = Math.ceil(groups.length / 5);
  const perLine = Math.ceil(groups.length / Math.max(lineCount, 1));
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += perLine) lines.push(groups.slice(i, i + perLine).join(" "));
  return lines;
}

/** The groups on one line, as a status or a sentence quotes a fingerprint. */
export function groupFingerprint(fingerprint: string): string {
  return fingerprintGroups(fingerprint).join(" ");
}
