import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, describeProblem, setAntiforgeryToken, whenSignedOut } from "../api/client";

export type Role = "admin" | "agent" | "auditor";
export type SignedIn = { name: string; roles: string[] };

type SessionState =
  | { status: "loading" }
  | { status: "signed-out"; reason?: string }
  | { status: "signed-in"; user: SignedIn };

type SessionApi = {
  state: SessionState;
  signIn(name: string, password: string): Promise<string | null>;
  signOut(): Promise<void>;
  has(role: Role): boolean;
};

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const adopt = useCallback((session: { name: string; roles: string[]; antiforgeryToken?: string | null }) => {
    setAntiforgeryToken(session.antiforgeryToken);
    setState({ status: "signed-in", user: { name: session.name, roles: session.roles } });
  }, []);

  useEffect(() => {
    whenSignedOut(() => {
      setAntiforgeryToken(null);
      setState({ status: "signed-out", reason: "Your session ended. Sign in again." });
    });
    api.GET("/api/v1/session").then(({ data }) => (data ? adopt(data) : setState({ status: "signed-out" })),
      () => setState({ status: "signed-out", reason: "The service could not be reached." }));
  }, [adopt]);

  const signIn = useCallback(async (name: string, password: string) => {
    const { data, error, response } = await api.POST("/api/v1/session", { body: { name, password } });
    if (data) {
      adopt(data);
      return null;
    }
    if (response.status === 401) return "The name or the password is wrong.";
    return describeProblem(error, response);
  }, [adopt]);

  const signOut = useCallback(async () => {
    await api.DELETE("/api/v1/session");
    setAntiforgeryToken(null);
    setState({ status: "signed-out" });
  }, []);

  const value = useMemo<SessionApi>(() => ({
    state,
    signIn,
    signOut,
    has: (role) => state.status === "signed-in" && state.user.roles.includes(role),
  }), [state, signIn, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}
