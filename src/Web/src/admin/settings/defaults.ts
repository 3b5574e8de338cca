import type { Schemas } from "../../api/client";

export type Group = Schemas["GroupView"];
export type SystemKey = "smime" | "pgp";
export type Action = "sign" | "encrypt";

/** A default as a form holds it: a select's value. Unset means "on whenever the keys allow it". */
export type Choice = "possible" | "on" | "off";

export const choiceWords: Record<Choice, string> = { possible: "Whenever possible", on: "On", off: "Off" };

export function toChoice(value: boolean | null | undefined): Choice {
  return value === true ? "on" : value === false ? "off" : "possible";
}

export function fromChoice(choice: Choice): boolean | null {
  return choice === "on" ? true : choice === "off" ? false : null;
}

export type GroupDraft = { name: string; emailAddress: string; defaults: Record<SystemKey, Record<Action, Choice>> };

export function emptyDraft(): GroupDraft {
  return { name: "", emailAddress: "", defaults: { smime: { sign: "possible", encrypt: "possible" }, pgp: { sign: "possible", encrypt: "possible" } } };
}

export function draftOf(group: Group): GroupDraft {
  const of = (system: SystemKey) => ({ sign: toChoice(group.defaults[system]?.sign), encrypt: toChoice(group.defaults[system]?.encrypt) });
  return { name: group.name, emailAddress: group.emailAddress, defaults: { smime: of("smime"), pgp: of("pgp") } };
}

/** The body of PUT /api/v1/groups/{name}. */
export function requestOf(draft: GroupDraft): Schemas["GroupRequest"] {
  const of = (system: SystemKey) => ({ sign: fromChoice(draft.defaults[system].sign), encrypt: fromChoice(draft.defaults[system].encrypt) });
  return { emailAddress: draft.emailAddress.trim(), defaults: { smime: of("smime"), pgp: of("pgp") } };
}
