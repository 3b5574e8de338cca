/** A fingerprint in groups of four, as people compare one read aloud (on the phone, in person). */
export function groupFingerprint(fingerprint: string): string {
  return fingerprint.replace(/[^0-9a-f]/gi, "").toUpperCase().replace(/(.{4})(?=.)/g, "$1 ");
}
