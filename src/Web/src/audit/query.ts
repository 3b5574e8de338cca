import type { Schemas } from "../api/client";

export type LoggedEvent = Schemas["LoggedEvent"];

/** The event log's filters as the form holds them: text, and local date-times from datetime-local inputs. */
export type EventFilters = { types: string; stream: string; from: string; to: string; pageSize: number };

export const noFilters: EventFilters = { types: "", stream: "", from: "", to: "", pageSize: 50 };

type TimeRange = { from?: string; to?: string };

/**
 * What to ask the service for: the global log (paged by sequence, filtered by the service), or one stream's events
 * (the service answers a stream whole, so its type and time filters are applied here with the same meaning).
 */
export type EventRequest =
  | { kind: "log"; query: TimeRange & { after: number; limit: number; type?: string } }
  | { kind: "stream"; id: string; types: string[]; range: TimeRange }
  | { kind: "invalid"; field: "stream" | "from" | "to"; message: string };

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A datetime-local value (the reader's time zone) as an instant; "" is no bound, anything unreadable is null. */
export function localToIso(value: string): string | "" | null {
  if (!value.trim()) return "";
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** An instant as a datetime-local value in the reader's time zone, to the second. */
export function isoToLocal(iso: string): string {
  const time = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}T${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}`;
}

export function splitTypes(types: string): string[] {
  return types.split(",").map((t) => t.trim()).filter(Boolean);
}

export function toEventRequest(filters: EventFilters, after: number): EventRequest {
  const from = localToIso(filters.from), to = localToIso(filters.to);
  if (from === null) return { kind: "invalid", field: "from", message: "The start is not a date and time." };
  if (to === null) return { kind: "invalid", field: "to", message: "The end is not a date and time." };
  if (from && to && from >= to) return { kind: "invalid", field: "to", message: "The end must come after the start." };
  const range: TimeRange = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const types = splitTypes(filters.types);
  const stream = filters.stream.trim();
  if (stream) {
    if (!guid.test(stream)) return { kind: "invalid", field: "stream", message: "A stream is named by its id, a GUID such as 01a23b28-65f8-71a0-8600-e5cff6400c8e." };
    return { kind: "stream", id: stream.toLowerCase(), types, range };
  }
  return { kind: "log", query: { after, limit: filters.pageSize, ...(types.length ? { type: types.join(",") } : {}), ...range } };
}

/** The service's own filter for the log, applied to one stream: any of the types, and time within [from, to). */
export function matches(event: LoggedEvent, types: string[], range: TimeRange): boolean {
  const at = new Date(event.timestamp).getTime();
  if (types.length && !types.includes(event.type)) return false;
  if (range.from && at < new Date(range.from).getTime()) return false;
  if (range.to && at >= new Date(range.to).getTime()) return false;
  return true;
}

export type Pin = { sequence: number; hash: string };

/** Checkpoints kept outside the database, one "SEQUENCE:HASH" a line (as the audit verify command takes them). */
export function parsePins(text: string): Pin[] | { error: string } {
  const pins: Pin[] = [];
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = line.match(/^(\d+)\s*[:\s]\s*([0-9a-f]{64})$/i);
    if (!match) return { error: `Line ${i + 1} is not SEQUENCE:HASH (a sequence number and a hash of 64 hex digits).` };
    pins.push({ sequence: Number(match[1]), hash: match[2]!.toLowerCase() });
  }
  return pins;
}
