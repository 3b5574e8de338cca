import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { api, describeProblem } from "../api/client";
import { Empty, Failure, Loading } from "../ui/states";
import { EventTable, type EventLinks } from "./EventTable";
import { matches, noFilters, toEventRequest, type EventFilters, type LoggedEvent } from "./query";

type Shown =
  | { status: "idle" | "loading" }
  | { status: "failed"; message: string }
  | { status: "loaded"; events: LoggedEvent[]; next: number | null; stream: boolean };

const pageSizes = [25, 50, 100, 250, 1000];

/** The event log with its filters; the global log is paged by sequence, a stream is shown whole. */
export function EventLog({ links }: { links: EventLinks }) {
  const [filters, setFilters] = useState<EventFilters>(noFilters);
  const [problem, setProblem] = useState<{ field: "stream" | "from" | "to"; message: string } | null>(null);
  const [shown, setShown] = useState<Shown>({ status: "idle" });
  // The "after" cursor of every page from the first to the one shown, for going back.
  const [trail, setTrail] = useState<number[]>([0]);
  const [applied, setApplied] = useState<EventFilters>(noFilters);
  const ids = { problem: useId(), types: useId() };
  const latest = useRef(0);

  useEffect(() => {
    void load(noFilters, [0]);
  }, []);

  async function load(with_: EventFilters, pages: number[]) {
    const request = toEventRequest(with_, pages[pages.length - 1] ?? 0);
    if (request.kind === "invalid") return setProblem({ field: request.field, message: request.message });
    setProblem(null);
    setApplied(with_);
    setTrail(pages);
    setShown({ status: "loading" });
    const mine = ++latest.current;
    const show = (next: Shown) => mine === latest.current && setShown(next);
    try {
      if (request.kind === "stream") {
        const { data, error, response } = await api.GET("/api/v1/audit/streams/{id}/events", { params: { path: { id: request.id } } });
        show(data
          ? { status: "loaded", events: data.events.filter((e) => matches(e, request.types, request.range)), next: null, stream: true }
          : { status: "failed", message: describeProblem(error, response) });
      } else {
        const { data, error, response } = await api.GET("/api/v1/audit/events", { params: { query: request.query } });
        show(data
          ? { status: "loaded", events: data.events, next: data.next === null ? null : Number(data.next), stream: false }
          : { status: "failed", message: describeProblem(error, response) });
      }
    } catch {
      show({ status: "failed", message: "The service could not be reached." });
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void load(filters, [0]);
  }

  const field = (name: "stream" | "from" | "to") => problem?.field === name ? { "aria-invalid": true, "aria-describedby": ids.problem } : {};
  const set = (patch: Partial<EventFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setProblem(null);
  };
  const knownTypes = shown.status === "loaded" ? [...new Set(shown.events.map((e) => e.type))].sort() : [];

  return (
    <div className="stack">
      <form className="filters event-filters" onSubmit={submit} noValidate aria-label="Event log filters">
        <div className="filter-row">
          <label className="field types">
            <span>Type <span className="hint">(comma-separated)</span></span>
            <input value={filters.types} list={ids.types} placeholder="certificate_imported, pgp_key_removed" spellCheck={false}
              onChange={(e) => set({ types: e.target.value })} />
            <datalist id={ids.types}>{knownTypes.map((t) => <option key={t} value={t} />)}</datalist>
          </label>
          <label className="field stream">
            <span>Stream <span className="hint">(id)</span></span>
            <input value={filters.stream} placeholder="01a23b28-65f8-71a0-8600-e5cff6400c8e" spellCheck={false} {...field("stream")}
              onChange={(e) => set({ stream: e.target.value })} />
          </label>
        </div>
        <div className="filter-row">
          <label className="field">
            <span>From</span>
            <input type="datetime-local" step={1} value={filters.from} {...field("from")} onChange={(e) => set({ from: e.target.value })} />
          </label>
          <label className="field">
            <span>To <span className="hint">(not included)</span></span>
            <input type="datetime-local" step={1} value={filters.to} {...field("to")} onChange={(e) => set({ to: e.target.value })} />
          </label>
          <label className="field">
            <span>Per page</span>
            <select value={filters.pageSize} onChange={(e) => set({ pageSize: Number(e.target.value) })}>
              {pageSizes.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
          <div className="filter-buttons">
            <button type="submit" className="button primary">Show events</button>
            <button type="button" className="button" onClick={() => { setFilters(noFilters); void load(noFilters, [0]); }}>Clear filters</button>
          </div>
        </div>
      </form>
      {problem && <p id={ids.problem} className="inline-error" role="alert">{problem.message}</p>}

      {(shown.status === "idle" || shown.status === "loading") && <Loading what="events" />}
      {shown.status === "failed" && <Failure message={shown.message} onRetry={() => load(applied, trail)} />}
      {shown.status === "loaded" && (shown.events.length === 0
        ? <Empty>{toEventRequest(applied, 0).kind === "log" && !applied.types.trim() && !applied.from && !applied.to
            ? "The event log has no events yet." : "No events match these filters."}</Empty>
        : (
          <>
            <p className="muted page-range">
              {shown.stream ? `All ${shown.events.length} matching events of the stream, by version.`
                : `Events ${String(shown.events[0]!.sequence)} to ${String(shown.events[shown.events.length - 1]!.sequence)} by sequence.`}
            </p>
            <EventTable events={shown.events} caption="Events" links={links} onStream={(stream) => {
              const next = { ...filters, stream };
              setFilters(next);
              void load(next, [0]);
            }} />
          </>
        ))}
      {shown.status === "loaded" && !shown.stream && (trail.length > 1 || shown.next !== null) && (
        <nav className="row pager" aria-label="Event log pages">
          <button type="button" className="button" aria-disabled={trail.length === 1 || undefined}
            onClick={() => trail.length > 1 && load(applied, trail.slice(0, -1))}>
            Previous page
          </button>
          <button type="button" className="button" aria-disabled={shown.next === null || undefined}
            onClick={() => shown.next !== null && load(applied, [...trail, shown.next])}>
            Next page
          </button>
        </nav>
      )}
    </div>
  );
}
