import type { Problem } from "../api/client";

/** Where in the composer a refusal is shown: next to what caused it. */
export type ProblemField = "group" | "to" | "cc" | "subject" | "body" | "attachments" | "publicKey" | "encrypt" | "sign" | "security" | "form";

export type PlacedProblems = Partial<Record<ProblemField, string>>;

// Validation errors (400) name their field; refusals (422) say their cause in the sentence the service writes for it.
const fieldOf = (key: string): ProblemField => {
  const name = key.toLowerCase();
  if (name === "to" || name === "customer") return "to";
  if (name === "cc") return "cc";
  if (name === "group") return "group";
  if (name === "subject") return "subject";
  if (name === "body" || name === "html") return "body";
  if (name.startsWith("attachments")) return "attachments";
  if (name.startsWith("security")) return "security";
  return "form";
};

const causes: [RegExp, ProblemField][] = [
  [/no public key to attach/i, "publicKey"],
  [/^Cannot encrypt/i, "encrypt"],
  [/^Cannot sign/i, "sign"],
  [/^The signing (certificate|PGP key|key)/i, "sign"],
  [/is turned off/i, "security"],
  [/^There was no recipient found/i, "to"],
  [/is not an e-mail address/i, "to"],
  [/^There is no group/i, "group"],
  [/needs a group/i, "group"],
  [/needs a subject/i, "subject"],
];

export function placeProblem(status: number, problem: Problem | undefined): PlacedProblems {
  if (problem?.errors && Object.keys(problem.errors).length > 0) {
    const placed: PlacedProblems = {};
    for (const [key, messages] of Object.entries(problem.errors)) {
      const field = fieldOf(key);
      placed[field] = [placed[field], ...messages].filter(Boolean).join(" ");
    }
    return placed;
  }
  const detail = problem?.detail ?? problem?.title ?? (status === 413 ? "The attachments are too large." : `The service answered ${status}.`);
  if (status === 413) return { attachments: detail };
  const cause = causes.find(([pattern]) => pattern.test(detail));
  return { [cause ? cause[1] : "form"]: detail };
}
