import { useId, useState, type FormEvent } from "react";
import { describeProblem, type Schemas } from "../../api/client";
import { Dialog } from "../../ui/Dialog";
import { chooseSource, sendImport, type ImportKind } from "./upload";

type Form = { title: string; file: string; accept: string; paste?: string; secret?: string; hint: string };

const forms: Record<ImportKind, Form> = {
  certificate: {
    title: "Add certificate", file: "Certificate file (PEM or DER)", accept: ".pem,.crt,.cer,.der", paste: "Or paste PEM",
    hint: "A correspondent's certificate, or a PEM bundle of several. Each is trusted for its own signatures only. Verify it with its owner in person or over the phone first.",
  },
  "trust-anchor": {
    title: "Add trust anchor", file: "CA certificate file (PEM or DER)", accept: ".pem,.crt,.cer,.der", paste: "Or paste PEM",
    hint: "A root CA trusted for every certificate it issues. It must say CA:TRUE, be self-signed and be allowed to sign certificates.",
  },
  crl: {
    title: "Add CRL", file: "CRL file (PEM or DER)", accept: ".crl,.pem,.der", paste: "Or paste PEM",
    hint: "A certificate revocation list signed by a trust anchor. Only a newer list replaces the one held.",
  },
  "private-key": {
    title: "Add private key", file: "Key file (PKCS#12 or PEM)", accept: ".p12,.pfx,.pem,.key", secret: "Password",
    hint: "A group's own key, matched to its certificate by public key. The password opens the file and is not kept; the key never leaves the keystore.",
  },
  "pgp-key": {
    title: "Add PGP key", file: "Key file (armored or binary)", accept: ".asc,.gpg,.pgp,.key", paste: "Or paste the armored key", secret: "Passphrase",
    hint: "A correspondent's public key, or a group's secret key with its passphrase. Verify a public key's fingerprint with its owner first.",
  },
};

/** One import form in a dialog; the problem the service answers stays next to the form until the admin changes something. */
export function ImportDialog({ kind, onClose, onImported }: {
  kind: ImportKind | null;
  onClose: () => void;
  onImported: (kind: ImportKind, items: Schemas["KeystoreChangeItem"][]) => void;
}) {
  const form = kind ? forms[kind] : null;
  return (
    <Dialog open={kind !== null} title={form?.title ?? ""} onClose={onClose}>
      {kind && form && <ImportForm kind={kind} form={form} onCancel={onClose} onImported={(items) => onImported(kind, items)} />}
    </Dialog>
  );
}

function ImportForm({ kind, form, onCancel, onImported }: {
  kind: ImportKind; form: Form; onCancel: () => void; onImported: (items: Schemas["KeystoreChangeItem"][]) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [secret, setSecret] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();
  const problemId = useId();
  const describedBy = problem ? `${hintId} ${problemId}` : hintId;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const source = chooseSource({ file, pasted, secret });
    if ("error" in source) return setProblem(source.error);
    setBusy(true);
    setProblem(null);
    try {
      const { data, error, response } = await sendImport(kind, source, secret);
      if (data) onImported(data.items);
      else setProblem(describeProblem(error, response));
    } catch {
      setProblem("The service could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  function changed<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      setProblem(null);
    };
  }

  return (
    <form className="stack import-form" onSubmit={submit} noValidate>
      <p id={hintId} className="muted">{form.hint}</p>
      <label className="field">
        <span>{form.file}</span>
        <input type="file" accept={form.accept} aria-describedby={describedBy} aria-invalid={problem ? true : undefined}
          onChange={(e) => changed(setFile)(e.target.files?.[0] ?? null)} />
      </label>
      {form.paste && (
        <label className="field">
          <span>{form.paste}</span>
          <textarea className="mono" value={pasted} spellCheck={false} aria-describedby={describedBy} aria-invalid={problem ? true : undefined}
            placeholder="-----BEGIN …" onChange={(e) => changed(setPasted)(e.target.value)} />
        </label>
      )}
      {form.secret && (
        <label className="field">
          <span>{form.secret}{kind === "pgp-key" && <span className="hint"> (secret keys only)</span>}</span>
          <input type="password" autoComplete="off" value={secret} aria-describedby={describedBy} aria-invalid={problem ? true : undefined}
            onChange={(e) => changed(setSecret)(e.target.value)} />
        </label>
      )}
      {problem && <p id={problemId} className="inline-error" role="alert">{problem}</p>}
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button primary" aria-disabled={busy || undefined}>
          {busy && <span className="spinner" aria-hidden="true" />}Import
        </button>
      </div>
    </form>
  );
}
