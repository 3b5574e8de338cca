import { useState, type FormEvent } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { useSession } from "../session/session";
import { GlyphSvg } from "../ui/glyphs";
import { Loading } from "../ui/states";

export function SignInPage() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? "/tickets";

  if (session.state.status === "loading") return <Loading what="your session" />;
  if (session.state.status === "signed-in") return <Navigate to={from} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const problem = await session.signIn(name.trim(), password);
    setBusy(false);
    if (problem) {
      setError(problem);
      return;
    }
    navigate(from, { replace: true });
  }

  const notice = error ?? (session.state.status === "signed-out" ? session.state.reason : undefined);
  return (
    <main id="main" className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title"><GlyphSvg glyph="lock" /> Secure mail</h1>
        <p className="muted">Sign in with your helpdesk account.</p>
        {notice && <p className="inline-error" role="alert">{notice}</p>}
        <label className="field">
          <span>Name</span>
          <input name="name" autoComplete="username" required autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>Password</span>
          <input name="password" type="password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" className="button primary" disabled={busy}>Sign in</button>
      </form>
    </main>
  );
}
