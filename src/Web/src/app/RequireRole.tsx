import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useSession, type Role } from "../session/session";
import { Loading } from "../ui/states";

/** Signed out: back to sign-in, remembering where the user was going. Signed in without the role: say so. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.state.status === "loading") return <Loading what="your session" />;
  if (session.state.status === "signed-out")
    return <Navigate to="/" replace state={{ from: location.pathname + location.search }} />;
  if (!roles.some(session.has))
    return (
      <section className="page">
        <h1>Not for your role</h1>
        <p>This screen is for {roles.join(" or ")} accounts. You are signed in as {session.state.user.name} ({session.state.user.roles.join(", ")}).</p>
      </section>
    );
  return <>{children}</>;
}
