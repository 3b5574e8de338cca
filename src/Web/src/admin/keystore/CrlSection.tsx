import { useRef, useState } from "react";
import { api, describeProblem, type Schemas } from "../../api/client";
import { Notice, type NoticeContent } from "../../ui/Notice";
import { Empty, Failure, Loading } from "../../ui/states";
import { groupFingerprint, normalizeFingerprint } from "../../ui/fingerprint";
import { formatDate } from "../../ui/time";
import { useLoad } from "../../ui/useLoad";
import { DistinguishedName } from "./DistinguishedName";
import { Fingerprint } from "./Fingerprint";
import { ImportDialog } from "./ImportDialog";
import { Pager } from "./ListControls";
import { RemoveDialog, type Removal } from "./RemoveDialog";

type Crl = Schemas["CrlView"];

/** The CRL held for each trust anchor: when it was issued, when the next is due, how many certificates it revokes. */
export function CrlSection({ canEdit }: { canEdit: boolean }) {
  const [page, setPage] = useState(1);
  const [crls, reload] = useLoad(() => api.GET("/api/v1/keystore/smime/crls", { params: { query: { page: String(page) } } }), [page]);
  const [importing, setImporting] = useState(false);
  const [removal, setRemoval] = useState<(Removal & { id: string }) | null>(null);
  const [notice, setNotice] = useState<NoticeContent>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  async function remove(target: Removal): Promise<string | null> {
    if (!removal) return null;
    try {
      const { error, response } = await api.DELETE("/api/v1/keystore/smime/crls/{id}", { params: { path: { id: removal.id } } });
      if (!response.ok) return describeProblem(error, response);
    } catch {
      return "The service could not be reached.";
    }
    setRemoval(null);
    heading.current?.focus();
    reload();
    setNotice({ tone: "good", lines: [`Removed the CRL of ${target.name}.`] });
    return null;
  }

  /** Names each imported list by its issuer, from a fresh first page (a keystore holds one CRL a trust anchor). */
  async function imported(items: Schemas["KeystoreChangeItem"][]) {
    setImporting(false);
    reload();
    const fresh = await api.GET("/api/v1/keystore/smime/crls", { params: { query: { page: "1" } } }).then(({ data }) => data?.items ?? [], () => []);
    setNotice({ tone: "good", lines: items.map((item) => {
      const issuer = fresh.find((crl) => normalizeFingerprint(crl.fingerprint) === normalizeFingerprint(item.fingerprint))?.issuer;
      return issuer ? `Imported the CRL of ${issuer}.` : `Imported the CRL ${groupFingerprint(item.fingerprint)}.`;
    }) });
  }

  return (
    <section className="card keystore-section" aria-labelledby="crls-title">
      <div className="section-header">
        <h2 id="crls-title" ref={heading} tabIndex={-1}>Certificate revocation lists</h2>
        {canEdit && <button type="button" className="button primary" onClick={() => setImporting(true)}>Add CRL</button>}
      </div>
      <p className="muted section-hint">
        One list for each trust anchor: a certificate it names counts as revoked. A list past its next update is still used, and shown as stale.
      </p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {crls.status === "loading" && <Loading what="CRLs" />}
      {crls.status === "failed" && <Failure message={crls.message} onRetry={reload} />}
      {crls.status === "loaded" && (crls.data.items.length === 0
        ? <Empty>No CRLs yet.{canEdit && " Add the list a trust anchor publishes; its certificates are then checked against it."}</Empty>
        : <>
            <CrlTable crls={crls.data.items} canEdit={canEdit}
              onRemove={(crl) => setRemoval({ id: crl.id, what: "CRL", name: crl.issuer, fingerprint: crl.fingerprint, hasSecret: false })} />
            <Pager label="Pages of CRLs" list={crls.data} onPage={setPage} />
          </>)}
      {canEdit && (
        <>
          <ImportDialog kind={importing ? "crl" : null} onClose={() => setImporting(false)} onImported={(_, items) => imported(items)} />
          <RemoveDialog removal={removal} onCancel={() => setRemoval(null)} onConfirm={remove} />
        </>
      )}
    </section>
  );
}

function CrlTable({ crls, canEdit, onRemove }: { crls: Crl[]; canEdit: boolean; onRemove: (crl: Crl) => void }) {
  return (
    <div className="table-scroll">
      <table className="keystore-table">
        <caption className="visually-hidden">Certificate revocation lists</caption>
        <thead>
          <tr>
            <th scope="col">Issuer</th>
            <th scope="col">Fingerprint (SHA-256)</th>
            <th scope="col">Issued</th>
            <th scope="col">Next update</th>
            <th scope="col">Revoked</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {crls.map((crl) => (
            <tr key={crl.id}>
              <th scope="row" className="entry-name">
                <span className="subject"><DistinguishedName value={crl.issuer} /></span>
              </th>
              <td><Fingerprint value={crl.fingerprint} /></td>
              <td>{formatDate(crl.thisUpdate)}</td>
              <td>
                {crl.nextUpdate ? formatDate(crl.nextUpdate) : <span className="muted">not given</span>}
                {crl.stale && <span className="badges"><span className="badge warn">Stale</span></span>}
              </td>
              <td>{Number(crl.revokedCount) === 1 ? "1 certificate" : `${crl.revokedCount} certificates`}</td>
              <td className="row-actions">
                {canEdit && <div className="row-buttons"><button type="button" className="button danger" onClick={() => onRemove(crl)}>Remove</button></div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
