import { useId, useState, type FormEvent } from "react";
import { api, describeProblem } from "../../api/client";
import { Dialog } from "../../ui/Dialog";

/** An admin sets another account's password (say, for someone who forgot theirs); their sessions end with it. */
export function PasswordDialog({ name, onClose, onSet }: { name: string | null; onClose: () => void; onSet: (name: string) => void }) {
  return (
    <Dialog open={name !== null} title={name ? `Set the password of ${name}` : ""} onClose={onClose}>
      {name && <PasswordForm name={name} onCancel={onClose} onSet={() => onSet(name)} />}
    </Dialog>
  );
}

function PasswordForm({ name, onCancel, onSet }: { name: string; onCancel: () => void; onSet: () => void }) {
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { hint: useId(), problem: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const { error, response } = await api.PUT("/api/v1/users/{name}/password", { params: { path: { name } }, body: { password } });
      if (response.ok) onSet();
      else setProblem(describeProblem(error, response));
    } catch {
      setProblem("The service could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <label className="field">
        <span>New password</span>
        <input type="password" autoComplete="new-password" value={password} aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${ids.hint} ${ids.problem}` : ids.hint}
          onChange={(e) => { setPassword(e.target.value); setProblem(null); }} />
        <span id={ids.hint} className="hint">At least 12 characters. Tell it to its owner by a way other than mail.</span>
      </label>
      {problem && <p id={ids.problem} className="inline-error" role="alert">{problem}</p>}
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button primary" aria-disabled={busy || undefined}>
          {busy && <span className="spinner" aria-hidden="true" />}Set password
        </button>
      </div>
    </form>
  );
}
