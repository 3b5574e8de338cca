import type { Schemas } from "../../api/client";
import { DistinguishedName } from "./DistinguishedName";
import { Fingerprint } from "./Fingerprint";
import { ValidityCell, YesNo } from "./ValidityCell";

type Certificate = Schemas["CertificateView"];

/** The S/MIME certificates held; each row is named by its subject so its buttons can be told apart. */
export function CertificateTable({ certificates, now, canEdit, onDownload, onRemove, onRemoveSecret }: {
  certificates: Certificate[];
  now: Date;
  canEdit: boolean;
  onDownload: (certificate: Certificate) => void;
  onRemove: (certificate: Certificate) => void;
  onRemoveSecret?: (certificate: Certificate) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="keystore-table">
        <caption className="visually-hidden">S/MIME certificates</caption>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">Addresses</th>
            <th scope="col">Fingerprint (SHA-256)</th>
            <th scope="col">Validity</th>
            <th scope="col">Private key</th>
            <th scope="col">CA</th>
            <th scope="col">Trust anchor</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {certificates.map((c) => (
            <tr key={c.fingerprint}>
              <th scope="row" className="entry-name">
                <span className="subject"><DistinguishedName value={c.subject} /></span>
                {c.issuer !== c.subject && <span className="detail muted">Issued by <DistinguishedName value={c.issuer} /></span>}
                <span className="detail muted">{c.keyAlgorithm} {c.keySize}</span>
                <span className="badges">
                  {c.revoked && <span className="badge bad">Revoked</span>}
                  {c.weakness && <span className="badge bad" title={c.weakness}>Weak key</span>}
                </span>
                {c.weakness && <span className="detail weakness">{c.weakness}</span>}
              </th>
              <td><Addresses emails={c.emails} /></td>
              <td><Fingerprint value={c.fingerprint} /></td>
              <td className="validity-cell"><ValidityCell from={c.notBefore} to={c.notAfter} expired={c.expired} now={now} /></td>
              <td>
                <span className="secret-cell">
                  <YesNo value={c.hasPrivateKey} />
                  {canEdit && c.hasPrivateKey && onRemoveSecret &&
                    <button type="button" className="button small danger" aria-label="Remove private key" onClick={() => onRemoveSecret(c)}>Remove</button>}
                </span>
              </td>
              <td><YesNo value={c.isCertificateAuthority} /></td>
              <td><YesNo value={c.trustAnchor} /></td>
              <td className="row-actions">
                <div className="row-buttons">
                  <button type="button" className="button" onClick={() => onDownload(c)}>Download</button>
                  {canEdit && <button type="button" className="button danger" onClick={() => onRemove(c)}>Remove</button>}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Addresses({ emails }: { emails: string[] }) {
  if (emails.length === 0) return <span className="muted">none</span>;
  return <ul className="addresses">{emails.map((email) => <li key={email}>{email}</li>)}</ul>;
}
