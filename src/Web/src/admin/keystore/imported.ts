import type { Schemas } from "../../api/client";
import { groupFingerprint, normalizeFingerprint } from "../../ui/fingerprint";

const statusWords: Record<string, string> = {
  imported: "imported",
  privateKeyImported: "private key imported",
  secretKeyImported: "secret key imported",
  refreshed: "refreshed with what its owner signed since",
};

/** What an import answer says, one sentence an item: the entry's name when the keystore lists it, and its fingerprint. */
export function describeImported(items: Schemas["KeystoreChangeItem"][], nameOf: (fingerprint: string) => string | undefined): string[] {
  return items.map((item) => {
    const name = nameOf(normalizeFingerprint(item.fingerprint));
    const words = statusWords[item.status] ?? item.status;
    const fingerprint = groupFingerprint(item.fingerprint);
    return name ? `${name}: ${words} (${fingerprint}).` : `${fingerprint}: ${words}.`;
  });
}
