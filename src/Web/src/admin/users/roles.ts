import type { Role } from "../../session/session";

export const accountRoles: { role: Role; about: string }[] = [
  { role: "admin", about: "keystore, settings, groups, users, read models" },
  { role: "agent", about: "tickets: reads and writes mail" },
  { role: "auditor", about: "reads the history and the keystore, changes nothing" },
];

/** What an account may not do to itself here, so that an admin cannot lock themselves out by a slip of the mouse. */
export function selfLockout(account: { name: string }, signedInAs: string | null, change: "disable" | { revoke: string }): string | null {
  if (!signedInAs || account.name.toLowerCase() !== signedInAs.toLowerCase()) return null;
  if (change === "disable") return "This is your own account: another admin can disable it.";
  return change.revoke === "admin" ? "This is your own account: another admin can take its admin role." : null;
}
