import { useId, useState, type FormEvent } from "react";
import { api, describeProblem, type Schemas } from "../api/client";
import { parsePins } from "./query";

type Report = Schemas["VerificationReport"];

const findingWords: Record<string, string> = {
  Edited: "an event was edited",
  Reordered: "events were reordered",
  Deleted: "an event was deleted",
  Inserted: "an event was inserted",
  ChainAltered: "the chain itself was altered",
  CheckpointMismatch: "a checkpoint no longer matches",
  PinMismatch: "a pinned checkpoint no longer matches",
  Truncated: "the log was truncated",
};

/** Recomputes the event log's hash chain, optionally against checkpoints the auditor kept outside the database. */
export function VerifyChain() {
  const [pins, setPins] = useState("");
  const [state, setState] = useState<{ status: "idle" | "running" } | { status: "done"; report: Report } | { status: "failed"; message: string }>({ status: "idle" });
  const [pinsProblem, setPinsProblem] = useState<string | null>(null);
  const ids = { pins: useId(), pinsProblem: useId() };

  async function verify(event: FormEvent) {
    event.preventDefault();
    if (state.status === "running") return;
    const pinned = parsePins(pins);
    if ("error" in pinned) {
      setState({ status: "idle" });
      return setPinsProblem(pinned.error);
    }
    setPinsProblem(null);
    setState({ status: "running" });
    try {
      // The endpoint reads its optional body itself, so the document gives it no type: the pins go as JSON.
      const { data, error, response } = pinned.length
        ? await api.POST("/api/v1/audit/verify", { body: { pinned } as never })
        : await api.POST("/api/v1/audit/verify");
      setState(data ? { status: "done", report: data } : { status: "failed", message: describeProblem(error, response) });
    } catch {
      setState({ status: "failed", message: "The service could not be reached." });
    }
  }

  return (
    <form className="stack verify" onSubmit={verify} noValidate>
      <details className="pins">
        <summary>Pinned checkpoints (optional)</summary>
        <label className="field">
          <span>Checkpoints kept outside the database, one SEQUENCE:HASH a line</span>
          <textarea id={ids.pins} className="mono" value={pins} spellCheck={false} aria-invalid={pinsProblem ? true : undefined}
            aria-describedby={pinsProblem ? ids.pinsProblem : undefined} onChange={(e) => { setPins(e.target.value); setPinsProblem(null); }} />
        </label>
        {pinsProblem && <p id={ids.pinsProblem} className="inline-error" role="alert">{pinsProblem}</p>}
      </details>
      <div className="row">
        <button type="submit" className="button primary" aria-disabled={state.status === "running" || undefined}>
          {state.status === "running" && <span className="spinner" aria-hidden="true" />}Verify chain
        </button>
      </div>
      <div role="status" className="verify-result">
        {state.status === "done" && <Result report={state.report} />}
      </div>
      <div role="alert">
        {state.status === "failed" && <p className="inline-error">The chain was not verified: {state.message}</p>}
      </div>
    </form>
  );
}

function Result({ report }: { report: Report }) {
  const checked = Number(report.eventsChecked);
  const extras = [
    Number(report.checkpointsChecked) > 0 && `${report.checkpointsChecked} checkpoints`,
    Number(report.pinsChecked) > 0 && `${report.pinsChecked} pinned checkpoints`,
  ].filter(Boolean).join(" and ");
  const pending = Number(report.pending);
  if (report.ok) {
    return (
      <div className="verdict good">
        <p className="headline">
          Verified {checked.toLocaleString()} {checked === 1 ? "event" : "events"}
          {report.head && <> up to sequence {String(report.head.sequence)}</>}: the chain holds.
        </p>
        {extras && <p>Also checked: {extras}.</p>}
        {pending > 0 && <p>{pending} newer {pending === 1 ? "event is" : "events are"} not chained yet; verify again in a moment.</p>}
        {report.head && <p className="hash">Head hash <span className="mono">{report.head.hash}</span></p>}
      </div>
    );
  }
  const failure = report.failure;
  return (
    <div className="verdict bad">
      <p className="headline">
        Broken{failure && <> at sequence {String(failure.sequence)}</>}
        {failure && findingWords[failure.kind] && <>: {findingWords[failure.kind]}</>}.
      </p>
      {failure && <p>{failure.detail}</p>}
      {failure?.streamId && <p>Stream <span className="mono">{failure.streamId}</span></p>}
      <p className="muted">Events checked: {checked.toLocaleString()}.</p>
    </div>
  );
}
