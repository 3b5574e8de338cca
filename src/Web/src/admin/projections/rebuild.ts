import type { Schemas } from "../../api/client";

export type Rebuild = Schemas["ProjectionRebuild"];

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** How far behind the event log a read model is, in words. */
export function lagWords(lag: number | string): string {
  const n = Number(lag);
  return n === 0 ? "Up to date" : `${count(n, "event", "events")} behind`;
}

/** A rebuild's progress: the share of events re-applied (0 to 1) once their number is known, and what it has done so far. */
export function rebuildProgress(rebuild: Rebuild): { share: number | null; done: string } {
  const events = Number(rebuild.eventsTotal), applied = Number(rebuild.eventsApplied);
  const streams = Number(rebuild.streamsTotal), rebuilt = Number(rebuild.streamsRebuilt);
  const repaired = Number(rebuild.documentsRepaired), passes = Number(rebuild.passes);
  const share = events > 0 ? Math.min(applied / events, 1) : null;
  const parts = [
    `${applied.toLocaleString()} of ${count(events, "event", "events")}`,
    `${rebuilt.toLocaleString()} of ${count(streams, "stream", "streams")}`,
  ];
  if (repaired > 0) parts.push(`${count(repaired, "document", "documents")} repaired`);
  if (passes > 1) parts.push(`${passes} passes`);
  return { share, done: parts.join(", ") };
}

export function isRunning(rebuild: Rebuild | null | undefined): boolean {
  return rebuild?.state === "requested" || rebuild?.state === "running";
}
