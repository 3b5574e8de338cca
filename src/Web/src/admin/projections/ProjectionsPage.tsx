import { useEffect, useState } from "react";
import { api, describeProblem, type Schemas } from "../../api/client";
import { useSession } from "../../session/session";
import { Notice, type NoticeContent } from "../../ui/Notice";
import { Empty, Failure, Loading } from "../../ui/states";
import { useLoad } from "../../ui/useLoad";
import { formatDateTime } from "../../ui/time";
import "../../ui/utilities.css";
import { isRunning, lagWords, rebuildProgress, type Rebuild } from "./rebuild";
import "./projections.css";

/** How often the page asks again while a rebuild runs: often enough to watch it, rarely enough to cost nothing. */
const pollMilliseconds = 1000;

const lifecycleWords: Record<string, string> = {
  Inline: "written with its events",
  Async: "applied in the background",
};

/** The read models: how current each is, and (for admins) a rebuild from the events while the service keeps serving. */
export function ProjectionsPage() {
  const session = useSession();
  const canRebuild = session.has("admin");
  const [projections, reload] = useLoad(() => api.GET("/api/v1/admin/projections"), []);
  const [notice, setNotice] = useState<NoticeContent>(null);
  const [requesting, setRequesting] = useState<string | null>(null);

  const running = projections.status === "loaded" && projections.data.some((p) => isRunning(p.rebuild));
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(reload, pollMilliseconds);
    return () => clearTimeout(timer);
  }, [projections, running, reload]);

  async function rebuild(name: string) {
    if (requesting) return;
    setRequesting(name);
    try {
      const { data, error, response } = await api.POST("/api/v1/admin/projections/{name}/rebuild", { params: { path: { name } } });
      if (data) setNotice({ tone: "good", lines: [`Rebuilding ${name}: the service keeps serving meanwhile. Progress shows below.`] });
      else setNotice({ tone: "bad", lines: [`${name} was not rebuilt: ${describeProblem(error, response)}`] });
    } catch {
      setNotice({ tone: "bad", lines: [`${name} was not rebuilt: the service could not be reached.`] });
    } finally {
      setRequesting(null);
      reload();
    }
  }

  return (
    <section className="page projections">
      <div className="page-header">
        <h1>Read models</h1>
      </div>
      <p className="muted lead">
        Each read model is built from the event log. Its position is the last event it has applied, and its lag the events it has still to apply.
        {canRebuild && " A rebuild folds every stream again, repairs documents that no longer match their events, and serves throughout."}
      </p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {projections.status === "loading" && <Loading what="the read models" />}
      {projections.status === "failed" && <Failure message={projections.message} onRetry={reload} />}
      {projections.status === "loaded" && (projections.data.length === 0
        ? <Empty>The service keeps no read models.</Empty>
        : <ProjectionTable projections={projections.data} canRebuild={canRebuild} requesting={requesting} onRebuild={rebuild} />)}
    </section>
  );
}

function ProjectionTable({ projections, canRebuild, requesting, onRebuild }: {
  projections: Schemas["ProjectionStatus"][]; canRebuild: boolean; requesting: string | null; onRebuild: (name: string) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="projections-table">
        <caption className="visually-hidden">Read models</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Position</th>
            <th scope="col">Lag</th>
            <th scope="col">Latest rebuild</th>
            {canRebuild && <th scope="col"><span className="visually-hidden">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {projections.map((p) => {
            const busy = isRunning(p.rebuild) || requesting === p.name;
            return (
              <tr key={p.name} aria-busy={busy || undefined}>
                <th scope="row">{p.name}</th>
                <td className="kind">{p.lifecycle}{lifecycleWords[p.lifecycle] && <span className="detail muted">{lifecycleWords[p.lifecycle]}</span>}</td>
                <td className="number">{Number(p.position).toLocaleString()}</td>
                <td><span className={Number(p.lag) === 0 ? "badge good" : "badge warn"}>{lagWords(p.lag)}</span></td>
                <td>{p.rebuild ? <RebuildState rebuild={p.rebuild} /> : <span className="muted">Never rebuilt</span>}</td>
                {canRebuild && (
                  <td className="row-actions">
                    <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => !busy && onRebuild(p.name)}>
                      {requesting === p.name && <span className="spinner" aria-hidden="true" />}Rebuild
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const stateTone: Record<string, string> = { requested: "warn", running: "warn", completed: "good", failed: "bad" };
const stateWords: Record<string, string> = { requested: "Requested", running: "Running", completed: "Completed", failed: "Failed" };

function RebuildState({ rebuild }: { rebuild: Rebuild }) {
  const { share, done } = rebuildProgress(rebuild);
  const running = isRunning(rebuild);
  return (
    <div className="rebuild">
      <span className={`badge ${stateTone[rebuild.state] ?? ""}`}>{stateWords[rebuild.state] ?? rebuild.state}</span>
      {running && (
        <progress max={1} value={share ?? undefined} aria-label={`Rebuild of ${rebuild.id}`}
          aria-valuetext={share === null ? "starting" : `${Math.round(share * 100)} percent`} />
      )}
      <span className="detail">{done}</span>
      <span className="detail muted">
        Asked by {rebuild.requestedBy} at {formatDateTime(rebuild.requestedAt)}
        {rebuild.finishedAt && <>, finished at {formatDateTime(rebuild.finishedAt)}</>}
      </span>
      {rebuild.error && <span className="detail error">{rebuild.error}</span>}
    </div>
  );
}
