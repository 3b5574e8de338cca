import { useEffect, useId, useState, type FormEvent } from "react";
import { api, describeProblem } from "../api/client";
import { Empty, Failure, Loading } from "../ui/states";
import { EventTable } from "./EventTable";
import type { LoggedEvent } from "./query";

export type ArticleRef = { ticketId: string; articleId: string };

type Shown = { status: "idle" | "loading" } | { status: "failed"; message: string } | { status: "loaded"; events: LoggedEvent[] };

/** What happened to one article, in order: received or composed, decrypted, verified, retried, delivered. */
export function ArticleHistory({ requested }: { requested: ArticleRef | null }) {
  const [ticketId, setTicketId] = useState("");
  const [articleId, setArticleId] = useState("");
  const [shown, setShown] = useState<Shown>({ status: "idle" });
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  async function load(ref: ArticleRef) {
    setShown({ status: "loading" });
    try {
      const { data, error, response } = await api.GET("/api/v1/tickets/{id}/articles/{articleId}/history",
        { params: { path: { id: ref.ticketId, articleId: ref.articleId } } });
      setShown(data ? { status: "loaded", events: data } : { status: "failed", message: describeProblem(error, response) });
    } catch {
      setShown({ status: "failed", message: "The service could not be reached." });
    }
  }

  useEffect(() => {
    if (!requested) return;
    setTicketId(requested.ticketId);
    setArticleId(requested.articleId);
    void load(requested);
  }, [requested]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!ticketId.trim() || !articleId.trim()) return setProblem("Give the ticket's id and the article's id.");
    setProblem(null);
    void load({ ticketId: ticketId.trim(), articleId: articleId.trim() });
  }

  const marks = problem ? { "aria-invalid": true, "aria-describedby": problemId } : {};
  return (
    <div className="stack">
      <form className="filters" onSubmit={submit} noValidate aria-label="Article to show">
        <label className="field id">
          <span>Ticket ID</span>
          <input value={ticketId} spellCheck={false} {...marks} onChange={(e) => { setTicketId(e.target.value); setProblem(null); }} />
        </label>
        <label className="field id">
          <span>Article ID</span>
          <input value={articleId} spellCheck={false} {...marks} onChange={(e) => { setArticleId(e.target.value); setProblem(null); }} />
        </label>
        <div className="filter-buttons">
          <button type="submit" className="button primary">Show history</button>
        </div>
      </form>
      {problem && <p id={problemId} className="inline-error" role="alert">{problem}</p>}
      {shown.status === "idle" && <Empty>Give an article's ids, or pick "Article history" on an event of the log.</Empty>}
      {shown.status === "loading" && <Loading what="the article's history" />}
      {shown.status === "failed" && <Failure message={shown.message} />}
      {shown.status === "loaded" && (shown.events.length === 0
        ? <Empty>Nothing has happened to this article yet.</Empty>
        : <EventTable events={shown.events} caption="The article's history" />)}
    </div>
  );
}
