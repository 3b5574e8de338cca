import { useEffect, useId, useState, type FormEvent } from "react";
import { api, describeProblem, type Schemas } from "../api/client";
import { Empty, Failure, Loading } from "../ui/states";
import { formatDateTime } from "../ui/time";
import { JsonText } from "./JsonText";
import { isoToLocal, localToIso } from "./query";

type Ticket = Schemas["TicketDetails"];
type Article = Schemas["ArticleView"];
export type TicketMoment = { ticketId: string; at: string };

type Shown = { status: "idle" | "loading" } | { status: "failed"; message: string } | { status: "loaded"; ticket: Ticket; at: string };

/** A ticket as it was at a moment: its articles and their security status then, rebuilt from its events. */
export function TicketAsOf({ requested }: { requested: TicketMoment | null }) {
  const [ticketId, setTicketId] = useState("");
  const [asOf, setAsOf] = useState("");
  // An event's own instant, kept to the fraction of a second that the datetime field cannot show, until the field is edited.
  const [precise, setPrecise] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown>({ status: "idle" });
  const [problem, setProblem] = useState<{ field: "ticket" | "asOf"; message: string } | null>(null);
  const problemId = useId();

  async function load(id: string, at: string) {
    setShown({ status: "loading" });
    try {
      const { data, error, response } = await api.GET("/api/v1/tickets/{id}", { params: { path: { id }, query: { asOf: at } } });
      setShown(data ? { status: "loaded", ticket: data, at } : { status: "failed", message: describeProblem(error, response) });
    } catch {
      setShown({ status: "failed", message: "The service could not be reached." });
    }
  }

  useEffect(() => {
    if (!requested) return;
    setTicketId(requested.ticketId);
    setAsOf(isoToLocal(requested.at));
    setPrecise(requested.at);
    setProblem(null);
    void load(requested.ticketId, requested.at);
  }, [requested]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!ticketId.trim()) return setProblem({ field: "ticket", message: "Give the ticket's id." });
    const at = precise ?? localToIso(asOf);
    if (!at) return setProblem({ field: "asOf", message: "Give the moment to show the ticket at." });
    setProblem(null);
    void load(ticketId.trim(), at);
  }

  const marks = (field: "ticket" | "asOf") => problem?.field === field ? { "aria-invalid": true, "aria-describedby": problemId } : {};
  return (
    <div className="stack">
      <form className="filters" onSubmit={submit} noValidate aria-label="Ticket and moment to show">
        <label className="field id">
          <span>Ticket ID</span>
          <input value={ticketId} spellCheck={false} {...marks("ticket")} onChange={(e) => { setTicketId(e.target.value); setProblem(null); }} />
        </label>
        <label className="field">
          <span>As of</span>
          <input type="datetime-local" step={1} value={asOf} {...marks("asOf")}
            onChange={(e) => { setAsOf(e.target.value); setPrecise(null); setProblem(null); }} />
        </label>
        <div className="filter-buttons">
          <button type="submit" className="button primary">Show ticket</button>
        </div>
      </form>
      {problem && <p id={problemId} className="inline-error" role="alert">{problem.message}</p>}
      {shown.status === "idle" && <Empty>Give a ticket's id and a moment, or pick "Ticket then" on an event of the log.</Empty>}
      {shown.status === "loading" && <Loading what="the ticket as it was" />}
      {shown.status === "failed" && <Failure message={shown.message} />}
      {shown.status === "loaded" && <TicketThen ticket={shown.ticket} at={shown.at} />}
    </div>
  );
}

function TicketThen({ ticket, at }: { ticket: Ticket; at: string }) {
  const articles = ticket.articles ?? [];
  return (
    <article className="ticket-then" aria-label={`Ticket ${ticket.subject} as of ${formatDateTime(at)}`}>
      <h3>{ticket.subject} <span className="muted">as of {formatDateTime(at)}</span></h3>
      <dl className="facts">
        <dt>Group</dt><dd>{ticket.group}</dd>
        <dt>Customer</dt><dd>{ticket.customer}</dd>
        <dt>Version</dt><dd>{String(ticket.version ?? "")}</dd>
        {ticket.openedAt && <><dt>Opened</dt><dd>{formatDateTime(ticket.openedAt)}</dd></>}
        {ticket.updatedAt && <><dt>Last change</dt><dd>{formatDateTime(ticket.updatedAt)}</dd></>}
      </dl>
      {articles.length === 0 ? <Empty>The ticket had no articles then.</Empty> : (
        <ol className="articles-then">
          {articles.map((article) => <ArticleThen key={article.id} article={article} />)}
        </ol>
      )}
      <details>
        <summary>The ticket as JSON</summary>
        <JsonText value={ticket} />
      </details>
    </article>
  );
}

const encryptionWords: Record<string, string> = { none: "Not encrypted", decrypted: "Decrypted", failed: "Could not be decrypted" };
const signatureWords: Record<string, string> = { none: "Not signed", valid: "Signature verified", invalid: "Signature verification failed" };
const systemWords: Record<string, string> = { SMIME: "S/MIME", PGP: "PGP" };
const tone = (status: string) => (status === "decrypted" || status === "valid" ? "good" : status === "failed" || status === "invalid" ? "bad" : "");

function ArticleThen({ article }: { article: Article }) {
  const security = article.security;
  return (
    <li className="article-then">
      <p className="article-head">
        <span className="badge">{article.direction === "incoming" ? "Incoming" : "Outgoing"}</span>{" "}
        {security?.type && <span className="badge">{systemWords[security.type] ?? security.type}</span>}{" "}
        <strong>{article.from}</strong> to {[...article.to, ...article.cc].join(", ") || "nobody"}
        <span className="muted">, {formatDateTime(article.createdAt)}</span>
      </p>
      <p className="article-subject">{article.subject}</p>
      {security === null ? <p className="muted">Its security was still being processed.</p> : (
        <ul className="security-then">
          <li>
            <span className={`badge ${tone(security.encryption.status)}`}>{encryptionWords[security.encryption.status] ?? security.encryption.status}</span>
            {security.encryption.message && <span> {security.encryption.message}</span>}
          </li>
          <li>
            <span className={`badge ${tone(security.signature.status)}`}>{signatureWords[security.signature.status] ?? security.signature.status}</span>
            {security.signature.signer && <span> {security.signature.signer.name}, <span className="mono">{security.signature.signer.fingerprint}</span></span>}
            {security.signature.message && <span className="message"> {security.signature.message}</span>}
          </li>
        </ul>
      )}
      {article.delivery && <p className="muted">Delivery: {article.delivery.status}{article.delivery.message && `, ${article.delivery.message}`}</p>}
    </li>
  );
}
