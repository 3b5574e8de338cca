import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];

/** The anti-forgery token of the signed-in session: unsafe requests made with the session cookie must carry it. */
let antiforgeryToken: string | null = null;
export function setAntiforgeryToken(token: string | null | undefined) {
  antiforgeryToken = token ?? null;
}

/** Called when the service answers 401: the session ended (signed out elsewhere, expired, or the account disabled). */
let onSignedOut: () => void = () => {};
export function whenSignedOut(handler: () => void) {
  onSignedOut = handler;
}

const unsafe = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const session: Middleware = {
  onRequest({ request }) {
    if (antiforgeryToken && unsafe.has(request.method)) request.headers.set("X-CSRF-Token", antiforgeryToken);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.endsWith("/api/v1/session")) onSignedOut();
    return response;
  },
};

/** The only way the app talks to the service: typed from the service's own OpenAPI document at build time. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: "same-origin" });
api.use(session);

/** An RFC 9457 problem as the service writes it. */
export type Problem = { title?: string | null; detail?: string | null; status?: number | null; errors?: Record<string, string[]> };

/** The sentence to show for a failed call: the problem's detail, else its title, else the status. */
export function describeProblem(error: unknown, response?: Response): string {
  const problem = (error ?? {}) as Problem;
  if (problem.detail) return problem.detail;
  if (problem.errors) return Object.values(problem.errors).flat().join(" ");
  if (problem.title) return problem.title;
  return response ? `The service answered ${response.status} ${response.statusText}.` : "The service could not be reached.";
}
