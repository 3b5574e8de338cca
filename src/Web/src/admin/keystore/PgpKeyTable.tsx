import { useState } from "react";
import type { Schemas } from "../../api/client";
import { DomainAliasDialog } from "./DomainAliasDialog";
import { Addresses } from "./CertificateTable";
import { Fingerprint } from "./Fingerprint";
import { ValidityCell, YesNo } from "./ValidityCell";

type PgpKey = Schemas["PgpKeyView"];

/** The PGP keys held; each row is named by its user IDs so its buttons can be told apart. */
export function PgpKeyTable({ keys, now, canEdit, onDownload, onRemove, onChanged }: {
  keys: PgpKey[];
  now: Date;
  canEdit: boolean;
  onDownload: (key: PgpKey) => void;
  onRemove: (key: PgpKey) => void;
  onChanged: (message: string) => void;
}) {
  const [aliasing, setAliasing] = useState<PgpKey | null>(null);
  return (
    <div className="table-scroll">
      <table className="keystore-table">
        <caption className="visually-hidden">PGP keys</caption>
        <thead>
          <tr>
            <th scope="col">User IDs</th>
            <th scope="col">Addresses</th>
            <th scope="col">Fingerprint</th>
            <th scope="col">Validity</th>
            <th scope="col">Private key</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.fingerprint}>
              <th scope="row" className="entry-name">
                {k.userIds.length ? k.userIds.map((id) => <span key={id} className="subject">{id}</span>) : <span className="subject muted">No user ID</span>}
                <span className="detail muted">{k.algorithm} {k.keySize}, key ID <span className="mono">{k.keyId}</span></span>
                {k.subkeys.length > 0 && <span className="detail muted">{k.subkeys.length === 1 ? "1 subkey" : `${k.subkeys.length} subkeys`}</span>}
                <span className="badges">
                  {k.revoked && <span className="badge bad">Revoked</span>}
                  {k.weakness && <span className="badge bad" title={k.weakness}>Weak key</span>}
                </span>
                {k.weakness && <span className="detail weakness">{k.weakness}</span>}
                {k.domainAlias && <span className="detail">Stands for <strong>@{k.domainAlias}</strong></span>}
              </th>
              <td><Addresses emails={k.emails} /></td>
              <td><Fingerprint value={k.fingerprint} /></td>
              <td className="validity-cell"><ValidityCell from={k.createdAt} to={k.expiresAt} expired={k.expired} now={now} /></td>
              <td><YesNo value={k.hasPrivateKey} /></td>
              <td className="row-actions">
                <div className="row-buttons">
                  <button type="button" className="button" onClick={() => onDownload(k)}>Download</button>
                  {canEdit && <button type="button" className="button" onClick={() => setAliasing(k)}>Domain alias</button>}
                  {canEdit && <button type="button" className="button danger" onClick={() => onRemove(k)}>Remove</button>}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && (
        <DomainAliasDialog pgpKey={aliasing} onClose={() => setAliasing(null)}
          onChanged={(message) => { setAliasing(null); onChanged(message); }} />
      )}
    </div>
  );
}
