import { useId, useState, type FormEvent } from "react";
import { api, describeProblem, type Schemas } from "../../api/client";
import { accountRoles } from "./roles";

type Field = "name" | "role" | "password";

/** Where a refusal belongs: a taken name (409) by the name, the rule a 422 names by its field, anything else below. */
export function fieldOf(status: number, message: string): Field | null {
  if (status === 409) return "name";
  if (status !== 422) return null;
  if (/password/i.test(message)) return "password";
  if (/\brole\b/i.test(message)) return "role";
  if (/\bname\b/i.test(message)) return "name";
  return null;
}

/** A new account with its first role; more roles are granted in the table. */
export function AddUserForm({ onAdded }: { onAdded: (user: Schemas["UserView"]) => void }) {
  const [name, setName] = useState("");
  const [role, setRole] = useState("agent");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<{ field: Field | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { problem: useId(), passwordHint: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const { data, error, response } = await api.POST("/api/v1/users", { body: { name: name.trim(), role, password } });
      if (data) {
        setName("");
        setPassword("");
        onAdded(data);
      } else {
        const message = describeProblem(error, response);
        setProblem({ field: fieldOf(response.status, message), message });
      }
    } catch {
      setProblem({ field: null, message: "The service could not be reached." });
    } finally {
      setBusy(false);
    }
  }

  const marks = (field: Field) => problem && (problem.field === field || problem.field === null)
    ? { "aria-invalid": problem.field === field ? true : undefined, "aria-describedby": ids.problem }
    : {};

  return (
    <form className="stack add-user" onSubmit={submit} noValidate aria-label="Add an account">
      <div className="form-row">
        <label className="field">
          <span>Name</span>
          <input value={name} autoComplete="off" spellCheck={false} onChange={(e) => setName(e.target.value)} {...marks("name")} />
        </label>
        <label className="field">
          <span>Role</span>
          <select value={role} onChange={(e) => setRole(e.target.value)} {...marks("role")}>
            {accountRoles.map((r) => <option key={r.role} value={r.role}>{r.role}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Password</span>
          <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)}
            {...marks("password")} aria-describedby={[ids.passwordHint, problem ? ids.problem : ""].join(" ").trim()} />
          <span id={ids.passwordHint} className="hint">At least 12 characters.</span>
        </label>
      </div>
      {problem && <p id={ids.problem} className="inline-error" role="alert">{problem.message}</p>}
      <div className="row">
        <button type="submit" className="button primary" aria-disabled={busy || undefined}>
          {busy && <span className="spinner" aria-hidden="true" />}Add account
        </button>
      </div>
    </form>
  );
}
