import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { api, type Schemas } from "../api/client";
import { Composer } from "../compose/Composer";
import { useSession } from "../session/session";
import { Failure, Loading } from "../ui/states";
import { useLoad } from "../ui/useLoad";
import { ArticleCard } from "./ArticleCard";
import { When } from "./When";
import "./tickets.css";

type Ticket = Schemas["TicketDetails"];

export function TicketPage() {
  const { id = "" } = useParams();
  const session = useSession();
  const [ticket, reload] = useLoad(() => api.GET("/api/v1/tickets/{id}", { params: { path: { id } } }), [id]);
  const pollMs = ticket.status === "loaded" ? followEvery(ticket.data) : null;

  // While mail is being checked or sent, the page follows it: a status that changes on its own must not need a reload.
  useEffect(() => {
    if (pollMs === null) return;
    const timer = setTimeout(reload, pollMs);
    return () => clearTimeout(timer);
  }, [pollMs, ticket, reload]);

  if (ticket.status === "loading") return <Loading what="the ticket" />;
  if (ticket.status === "failed")
    return (
      <section className="page">
        <p><Link to="/tickets">← Tickets</Link></p>
        <Failure message={ticket.message} onRetry={reload} />
      </section>
    );

  const data = ticket.data;
  const articles = data.articles ?? [];
  return (
    <section className="page ticket-page">
      <p className="back"><Link to="/tickets">← Tickets</Link></p>
      <TicketHeader ticket={data} />
      <h2 className="visually-hidden">Articles</h2>
      <ol className="article-list">
        {articles.map((article) => (
          <li key={article.id}><ArticleCard ticketId={id} article={article} onChanged={reload} /></li>
        ))}
      </ol>
      {session.has("agent") && (
        <section className="reply" aria-labelledby="reply-title">
          <h2 id="reply-title">Reply</h2>
          <Composer
            mode={{
              kind: "reply",
              ticket: { id, version: Number(data.version ?? 0), customer: data.customer, subject: data.subject },
              reloadTicket: reload,
            }}
          />
        </section>
      )}
    </section>
  );
}

function TicketHeader({ ticket }: { ticket: Ticket }) {
  const articles = ticket.articles ?? [];
  const checking = articles.some((a) => a.direction === "incoming" && a.security === null);
  const sending = articles.some((a) => a.delivery?.status === "pending");
  const undelivered = articles.some((a) => a.delivery?.status === "failed" || a.delivery?.status === "notSent");
  return (
    <header className="ticket-header">
      <h1>{ticket.subject || "(no subject)"}</h1>
      <dl className="ticket-facts">
        <div><dt>Customer</dt><dd>{ticket.customer}</dd></div>
        <div><dt>Group</dt><dd>{ticket.group}</dd></div>
        {ticket.openedAt && <div><dt>Opened</dt><dd><When at={ticket.openedAt} /></dd></div>}
        {ticket.updatedAt && <div><dt>Last change</dt><dd><When at={ticket.updatedAt} /></dd></div>}
        <div>
          <dt>State</dt>
          <dd className="states">
            {ticket.awaitingKeys && <span className="badge warn">Waiting for a key</span>}
            {checking && <span className="badge">Checking security</span>}
            {sending && <span className="badge">Sending</span>}
            {undelivered && <span className="badge bad">Not delivered</span>}
            {!ticket.awaitingKeys && !checking && !sending && !undelivered && <span className="badge good">Up to date</span>}
          </dd>
        </div>
      </dl>
    </header>
  );
}

/** A check takes a second or two, and so does a first delivery; a delivery being retried waits minutes between attempts. */
function followEvery(ticket: Ticket, now: number = Date.now()): number | null {
  const articles = ticket.articles ?? [];
  if (articles.some((a) => a.direction === "incoming" && a.security === null)) return 2000;
  const sending = articles.filter((a) => a.delivery?.status === "pending");
  if (sending.length === 0) return null;
  return sending.some((a) => now - new Date(a.createdAt).getTime() < 60_000) ? 2000 : 10000;
}
