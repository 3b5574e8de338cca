import { useCallback, useEffect, useRef, type Dispatch } from "react";
import { api, describeProblem } from "../api/client";
import type { SecurityAction, SecurityOption } from "./securityState";

/** What security-options is asked: a new ticket's group, or the ticket a reply goes to; and the recipients. */
export type SecurityQuestion = { group?: string; ticketId?: string; to: string[]; cc: string[] };

export const debounceMs = 300;

export async function askSecurityOptions(question: SecurityQuestion, signal?: AbortSignal):
  Promise<{ options: SecurityOption[] } | { problem: string }> {
  const { data, error, response } = await api.POST("/api/v1/security-options", {
    body: { group: question.group ?? null, ticketId: question.ticketId ?? null, to: question.to, cc: question.cc },
    signal,
  });
  return data ? { options: data } : { problem: describeProblem(error, response) };
}

/**
 * Asks security-options whenever the question changes, after the agent paused typing for a moment; a question
 * overtaken by a newer one is cancelled, so an old answer can never overwrite a newer one. `now` asks at once
 * (Send uses it when the latest answer is not in yet).
 */
export function useSecurityOptions(question: SecurityQuestion | null, dispatch: Dispatch<SecurityAction>) {
  const key = question ? JSON.stringify(question) : null;
  const first = useRef(true);

  useEffect(() => {
    if (!question) return;
    dispatch({ type: "asked" });
    const controller = new AbortController();
    const timer = setTimeout(() => {
      first.current = false;
      askSecurityOptions(question, controller.signal).then(
        (answer) => {
          if (controller.signal.aborted) return;
          dispatch("options" in answer ? { type: "answered", options: answer.options } : { type: "failed", message: answer.problem });
        },
        () => controller.signal.aborted || dispatch({ type: "failed", message: "The service could not be reached." }),
      );
    }, first.current ? 0 : debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // The key stands for the question's content: a new object with the same recipients asks nothing new.
  }, [key, dispatch]);

  return useCallback(async () => {
    if (!question) return null;
    const answer = await askSecurityOptions(question);
    dispatch("options" in answer ? { type: "answered", options: answer.options } : { type: "failed", message: answer.problem });
    return answer;
  }, [key, dispatch]);
}
