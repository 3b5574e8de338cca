import { useState } from "react";
import { Dialog } from "../../ui/Dialog";
import { Fingerprint } from "./Fingerprint";

/** `secretOnly`: the private key goes and the entry stays. */
export type Removal = { what: "certificate" | "PGP key" | "CRL"; name: string; fingerprint: string; hasSecret: boolean; secretOnly?: boolean };

export const secretName = (removal: Removal) => removal.what === "certificate" ? "private key" : "secret key";

/** Asks before removing, naming what goes: the entry, its fingerprint, and its private key when it has one. */
export function RemoveDialog({ removal, onCancel, onConfirm }: {
  removal: Removal | null;
  onCancel: () => void;
  onConfirm: (removal: Removal) => Promise<string | null>;
}) {
  return (
    <Dialog open={removal !== null} title={removal ? `Remove the ${removal.secretOnly ? secretName(removal) : removal.what}?` : ""} onClose={onCancel}>
      {removal && <Confirm removal={removal} onCancel={onCancel} onConfirm={onConfirm} />}
    </Dialog>
  );
}

/** What stops working once the removal is done. */
function consequence(removal: Removal): string {
  if (removal.secretOnly)
    return `The ${secretName(removal)} is destroyed: mail encrypted to it can no longer be read, and it can no longer sign. ` +
      `The ${removal.what} stays: mail can still be encrypted to it, and its signatures verified.`;
  if (removal.what === "CRL")
    return "The CRL is removed: the certificates it revoked count as not revoked until a CRL of their CA is imported again.";
  return removal.hasSecret
    ? `The ${removal.what} and its ${secretName(removal)} are removed, and the key is destroyed: mail encrypted to it can no longer be read.`
    : `The ${removal.what} is removed: mail can no longer be encrypted to it, nor its signatures verified.`;
}

function Confirm({ removal, onCancel, onConfirm }: { removal: Removal; onCancel: () => void; onConfirm: (removal: Removal) => Promise<string | null> }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    if (busy) return;
    setBusy(true);
    setProblem(await onConfirm(removal));
    setBusy(false);
  }

  return (
    <div className="stack">
      <dl className="removal">
        <dt>{{ certificate: "Subject", "PGP key": "User ID", CRL: "Issuer" }[removal.what]}</dt>
        <dd>{removal.name}</dd>
        <dt>Fingerprint</dt>
        <dd><Fingerprint value={removal.fingerprint} /></dd>
      </dl>
      <p>{consequence(removal)} Its history stays in the audit log.</p>
      {problem && <p className="inline-error" role="alert">{problem}</p>}
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="button" className="button danger" onClick={remove} aria-disabled={busy || undefined}>
          {busy && <span className="spinner" aria-hidden="true" />}{removal.secretOnly ? `Remove ${secretName(removal)}` : "Remove"}
        </button>
      </div>
    </div>
  );
}
