import { NavLink, Outlet, useNavigate } from "react-router";
import { useSession, type Role } from "../session/session";
import { GlyphSvg } from "../ui/glyphs";

const sections: { to: string; label: string; roles: Role[] }[] = [
  { to: "/tickets", label: "Tickets", roles: ["agent", "admin", "auditor"] },
  { to: "/admin/keystore", label: "Keystore", roles: ["admin", "auditor"] },
  { to: "/admin/settings", label: "Settings", roles: ["admin"] },
  { to: "/admin/users", label: "Users", roles: ["admin"] },
  { to: "/admin/projections", label: "Read models", roles: ["admin", "auditor"] },
  { to: "/audit", label: "Audit", roles: ["auditor", "admin"] },
];

export function Shell() {
  const session = useSession();
  const navigate = useNavigate();
  const user = session.state.status === "signed-in" ? session.state.user : null;

  async function signOut() {
    await session.signOut();
    navigate("/");
  }

  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="top-bar">
        <span className="brand" aria-hidden="true"><GlyphSvg glyph="lock" /></span>
        <span className="brand-name">Secure mail</span>
        {user && (
          <nav aria-label="Main">
            <ul>
              {sections.filter((s) => s.roles.some(session.has)).map((s) => (
                <li key={s.to}><NavLink to={s.to} end={s.to === "/tickets"}>{s.label}</NavLink></li>
              ))}
            </ul>
          </nav>
        )}
        {user && (
          <div className="who">
            <span>{user.name} <span className="muted">({user.roles.join(", ")})</span></span>
            <button type="button" className="button subtle" onClick={signOut}>Sign out</button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
