import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { api, describeProblem, type Problem } from "../../api/client";
import { choiceWords, requestOf, type Action, type Choice, type Group, type GroupDraft, type SystemKey } from "./defaults";

const systems: { key: SystemKey; label: string }[] = [{ key: "smime", label: "S/MIME" }, { key: "pgp", label: "PGP" }];
const actions: { key: Action; label: string }[] = [{ key: "sign", label: "Sign" }, { key: "encrypt", label: "Encrypt" }];

/**
 * Adds a group or edits one (PUT by name: a group keeps its name, so the name is fixed while editing).
 * A refused address is said next to the address field.
 */
export function GroupForm({ draft, editing, onSaved, onCancel }: {
  draft: GroupDraft;
  editing: boolean;
  onSaved: (group: Group) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(draft);
  const [problem, setProblem] = useState<{ field: "name" | "emailAddress" | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  const ids = { name: useId(), address: useId(), problem: useId(), defaults: useId() };

  useEffect(() => {
    setValue(draft);
    setProblem(null);
    if (editing) firstField.current?.focus();
  }, [draft, editing]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const name = value.name.trim();
    if (!name) return setProblem({ field: "name", message: "The group needs a name." });
    setBusy(true);
    setProblem(null);
    try {
      const { data, error, response } = await api.PUT("/api/v1/groups/{name}", { params: { path: { name } }, body: requestOf(value) });
      if (data) onSaved(data);
      else setProblem({ field: (error as Problem | undefined)?.errors?.emailAddress ? "emailAddress" : null, message: describeProblem(error, response) });
    } catch {
      setProblem({ field: null, message: "The service could not be reached." });
    } finally {
      setBusy(false);
    }
  }

  const setDefault = (system: SystemKey, action: Action, choice: Choice) =>
    setValue((v) => ({ ...v, defaults: { ...v.defaults, [system]: { ...v.defaults[system], [action]: choice } } }));
  const invalid = (field: "name" | "emailAddress") => (problem?.field === field ? true : undefined);
  const describedBy = (field: "name" | "emailAddress") => (problem?.field === field ? ids.problem : undefined);

  return (
    <form className="stack group-form" onSubmit={submit} noValidate aria-label={editing ? `Edit group ${draft.name}` : "Add a group"}>
      <div className="form-row">
        <label className="field">
          <span>Name</span>
          <input value={value.name} readOnly={editing} aria-invalid={invalid("name")} aria-describedby={describedBy("name")}
            onChange={(e) => setValue({ ...value, name: e.target.value })} required />
        </label>
        <label className="field grow">
          <span>Sending address</span>
          <input ref={firstField} type="email" value={value.emailAddress} aria-invalid={invalid("emailAddress")}
            aria-describedby={describedBy("emailAddress")} placeholder="support@example.com"
            onChange={(e) => setValue({ ...value, emailAddress: e.target.value })} required />
        </label>
      </div>
      {problem?.field && <p id={ids.problem} className="inline-error" role="alert">{problem.message}</p>}
      <table className="defaults-grid" aria-describedby={ids.defaults}>
        <caption className="visually-hidden">Defaults of the Sign and Encrypt buttons</caption>
        <thead>
          <tr>
            <td />
            {actions.map((a) => <th key={a.key} scope="col" id={`${ids.defaults}-${a.key}`}>{a.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {systems.map((s) => (
            <tr key={s.key}>
              <th scope="row" id={`${ids.defaults}-${s.key}`}>{s.label}</th>
              {actions.map((a) => (
                <td key={a.key}>
                  <select aria-labelledby={`${ids.defaults}-${s.key} ${ids.defaults}-${a.key}`} value={value.defaults[s.key][a.key]}
                    onChange={(e) => setDefault(s.key, a.key, e.target.value as Choice)}>
                    {(Object.keys(choiceWords) as Choice[]).map((c) => <option key={c} value={c}>{choiceWords[c]}</option>)}
                  </select>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p id={ids.defaults} className="muted hint">
        Whether Sign and Encrypt start pressed when an agent writes from this group. "Whenever possible" presses them when the keys allow it.
      </p>
      {problem && !problem.field && <p className="inline-error" role="alert">{problem.message}</p>}
      <div className="row">
        <button type="submit" className="button primary" aria-disabled={busy || undefined}>
          {busy && <span className="spinner" aria-hidden="true" />}{editing ? "Save group" : "Add group"}
        </button>
        {editing && <button type="button" className="button" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
