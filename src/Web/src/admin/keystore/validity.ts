const day = 24 * 60 * 60 * 1000;

/** How soon an expiry counts as "soon": a month leaves time to get a new certificate or key from its owner. */
export const expiringSoonDays = 30;

export type Validity =
  | { state: "not-yet-valid"; from: Date }
  | { state: "expired"; since: Date }
  | { state: "expiring-soon"; daysLeft: number }
  | { state: "valid" }
  | { state: "no-expiry" };

/**
 * Where a certificate or key stands at `now`. `expired` is the service's own verdict and wins, so the screen never
 * calls valid what the service no longer uses; otherwise the dates decide.
 */
export function validityAt(notBefore: string | null, notAfter: string | null, expired: boolean, now: Date): Validity {
  const end = notAfter ? new Date(notAfter) : null;
  if (expired || (end && end.getTime() <= now.getTime())) return { state: "expired", since: end ?? now };
  if (notBefore && new Date(notBefore).getTime() > now.getTime()) return { state: "not-yet-valid", from: new Date(notBefore) };
  if (!end) return { state: "no-expiry" };
  const daysLeft = Math.ceil((end.getTime() - now.getTime()) / day);
  return daysLeft <= expiringSoonDays ? { state: "expiring-soon", daysLeft } : { state: "valid" };
}
