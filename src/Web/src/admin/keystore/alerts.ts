import type { Schemas } from "../../api/client";
import { formatDate } from "../../ui/time";

export type KeystoreAlert = Schemas["KeystoreAlert"];

const titles: Record<KeystoreAlert["code"], string> = {
  "group-key-expired": "A group's key has expired",
  "group-key-expiring": "A group's key expires soon",
  "certificate-expiring": "A certificate expires soon",
  "pgp-key-expiring": "A PGP key expires soon",
  "crl-stale": "A CRL is out of date",
};

/** The alert's headline, and its date in the reader's words. */
export function describeAlert(alert: KeystoreAlert, now: Date): { title: string; when: string } {
  const title = titles[alert.code];
  if (alert.code === "crl-stale") return { title, when: `Next update was due ${formatDate(alert.nextUpdate!)}` };
  const expiresAt = new Date(alert.expiresAt!);
  return { title, when: `${expiresAt <= now ? "Expired" : "Expires"} ${formatDate(alert.expiresAt!)}` };
}
