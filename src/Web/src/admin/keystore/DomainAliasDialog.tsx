import { useId, useState, type FormEvent } from "react";
import { api, describeProblem, type Schemas } from "../../api/client";
import { Dialog } from "../../ui/Dialog";
import { pgp } from "./systems";

type PgpKey = Schemas["PgpKeyView"];

/** Lets a PGP key stand for a whole mail domain (ADR 42), changes the domain, or ends the alias. */
export function DomainAliasDialog({ pgpKey, onClose, onChanged }: {
  pgpKey: PgpKey | null;
  onClose: () => void;
  onChanged: (message: string) => void;
}) {
  return (
    <Dialog open={pgpKey !== null} title="Domain alias" onClose={onClose}>
      {pgpKey && <AliasForm pgpKey={pgpKey} onCancel={onClose} onChanged={onChanged} />}
    </Dialog>
  );
}

function AliasForm({ pgpKey, onCancel, onChanged }: { pgpKey: PgpKey; onCancel: () => void; onChanged: (message: string) => void }) {
  const name = pgp.nameOf(pgpKey);
  const [domain, setDomain] = useState(pgpKey.domainAlias ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const path = { params: { path: { fingerprint: pgpKey.fingerprint } } };

  async function change(call: () => Promise<{ error?: unknown; response: Response }>, message: string) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const { error, response } = await call();
      if (response.ok) onChanged(message);
      else setProblem(describeProblem(error, response));
    } catch {
      setProblem("The service could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const wanted = domain.trim().replace(/^@/, "");
    change(() => api.PUT("/api/v1/keystore/pgp/keys/{fingerprint}/domain-alias", { ...path, body: { domain: wanted } }),
      `${name} now stands for the addresses of ${wanted} that have no PGP key of their own.`);
  }

  return (
    <form className="stack" onSubmit={save} noValidate>
      <p id={`${id}-hint`} className="muted">
        Mail to an address of this domain that has no PGP key of its own is encrypted to {name}: a gateway's key, say. Only for
        encryption, and only while the service's PGP domain alias setting (Keystore__PgpDomainAlias) is on.
      </p>
      <label className="field">
        <span>Domain</span>
        <input type="text" value={domain} placeholder="example.com" autoComplete="off" spellCheck={false}
          aria-describedby={problem ? `${id}-hint ${id}-problem` : `${id}-hint`} aria-invalid={problem ? true : undefined}
          onChange={(e) => { setDomain(e.target.value); setProblem(null); }} />
      </label>
      {problem && <p id={`${id}-problem`} className="inline-error" role="alert">{problem}</p>}
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        {pgpKey.domainAlias && (
          <button type="button" className="button danger" aria-disabled={busy || undefined}
            onClick={() => change(() => api.DELETE("/api/v1/keystore/pgp/keys/{fingerprint}/domain-alias", path),
              `${name} no longer stands for the addresses of ${pgpKey.domainAlias}.`)}>End alias</button>
        )}
        <button type="submit" className="button primary" aria-disabled={busy || undefined}>
          {busy && <span className="spinner" aria-hidden="true" />}Save
        </button>
      </div>
    </form>
  );
}
