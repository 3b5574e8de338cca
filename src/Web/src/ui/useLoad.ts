import { useCallback, useEffect, useState } from "react";
import { describeProblem } from "../api/client";

export type Loaded<T> =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "loaded"; data: T };

/** Runs an API call on mount and when `deps` change; `reload` runs it again. Stale answers are dropped. */
export function useLoad<T>(
  call: () => Promise<{ data?: T; error?: unknown; response: Response }>,
  deps: unknown[],
): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let current = true;
    call().then(
      ({ data, error, response }) => {
        if (!current) return;
        setState(data !== undefined ? { status: "loaded", data } : { status: "failed", message: describeProblem(error, response) });
      },
      () => current && setState({ status: "failed", message: "The service could not be reached." }),
    );
    return () => {
      current = false;
    };
  }, [...deps, generation]);

  return [state, reload];
}
