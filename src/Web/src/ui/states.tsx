import type { ReactNode } from "react";

/** The three states every screen that loads data shows: while it loads, when there is nothing, when it failed. */
export function Loading({ what }: { what: string }) {
  return <p className="state loading" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" /> Loading {what}…</p>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state empty">{children}</div>;
}

export function Failure({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="state failure" role="alert">
      <p>{message}</p>
      {onRetry && <button type="button" className="button" onClick={onRetry}>Try again</button>}
    </div>
  );
}
