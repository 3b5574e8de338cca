import type { Schemas } from "../../api/client";
import { formatDate } from "../../ui/time";
import { Addresses } from "./CertificateTable";
import { DistinguishedName } from "./DistinguishedName";
import { Fingerprint } from "./Fingerprint";
import { ValidityCell } from "./ValidityCell";

type Candidate = Schemas["CandidateView"];

/** Certificates or keys that arrived in mail, with the held entries each one conflicts with. */
export function CandidateTable({ candidates, what, now, canEdit, nameOf, busy, onImport, onDismiss }: {
  candidates: Candidate[];
  what: "certificate" | "PGP key";
  now: Date;
  canEdit: boolean;
  nameOf: (fingerprint: string) => string | undefined;
  busy: string | null;
  onImport: (candidate: Candidate) => void;
  onDismiss: (candidate: Candidate) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="keystore-table">
        <caption className="visually-hidden">{what === "certificate" ? "Certificates" : "PGP keys"} from mail</caption>
        <thead>
          <tr>
            <th scope="col">{what === "certificate" ? "Subject" : "User IDs"}</th>
            <th scope="col">Addresses</th>
            <th scope="col">Fingerprint</th>
            <th scope="col">Validity</th>
            <th scope="col">Seen in mail</th>
            {canEdit && <th scope="col"><span className="visually-hidden">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => (
            <tr key={c.fingerprint} aria-busy={busy === c.fingerprint || undefined}>
              <th scope="row" className="entry-name">
                {candidateNames(c).map((name) => <span key={name} className="subject"><DistinguishedName value={name} /></span>)}
                {c.issuer && c.issuer !== c.subject && <span className="detail muted">Issued by <DistinguishedName value={c.issuer} /></span>}
                {c.conflictsWith.length > 0 && (
                  <span className="conflict">
                    <span className="badge warn">Conflict</span>{" "}
                    The keystore holds another {what} for this address:{" "}
                    {c.conflictsWith.map((fingerprint) => nameOf(fingerprint) ?? fingerprint).join(", ")}. This may be a new key, or an impostor: verify it with the sender.
                  </span>
                )}
              </th>
              <td><Addresses emails={c.emails} /></td>
              <td><Fingerprint value={c.fingerprint} /></td>
              <td className="validity-cell"><ValidityCell from={c.notBefore} to={c.notAfter} expired={false} now={now} /></td>
              <td>
                <span className="detail">First {formatDate(c.firstSeenAt)}</span>
                {c.lastSeenAt !== c.firstSeenAt && <span className="detail">Last {formatDate(c.lastSeenAt)}</span>}
                <span className="detail muted">{c.articles.length === 1 ? "1 article" : `${c.articles.length} articles`}</span>
              </td>
              {canEdit && (
                <td className="row-actions">
                  <div className="row-buttons">
                    <button type="button" className="button primary" onClick={() => onImport(c)} aria-disabled={busy !== null || undefined}>Import</button>
                    <button type="button" className="button" onClick={() => onDismiss(c)} aria-disabled={busy !== null || undefined}>Dismiss</button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function candidateNames(candidate: Candidate): string[] {
  if (candidate.subject) return [candidate.subject];
  if (candidate.userIds?.length) return candidate.userIds;
  return candidate.emails;
}
