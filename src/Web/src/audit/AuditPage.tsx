import { useRef, useState } from "react";
import "../ui/utilities.css";
import { ArticleHistory, type ArticleRef } from "./ArticleHistory";
import { EventLog } from "./EventLog";
import type { EventLinks } from "./EventTable";
import { TicketAsOf, type TicketMoment } from "./TicketAsOf";
import { VerifyChain } from "./VerifyChain";
import "./audit.css";

/** For auditors: the event log, one article's security story, a ticket at a past moment, and the hash chain's check. */
export function AuditPage() {
  const [article, setArticle] = useState<ArticleRef | null>(null);
  const [ticket, setTicket] = useState<TicketMoment | null>(null);
  const articleHeading = useRef<HTMLHeadingElement>(null);
  const ticketHeading = useRef<HTMLHeadingElement>(null);

  const go = (heading: HTMLHeadingElement | null) => {
    heading?.focus();
    heading?.scrollIntoView({ block: "start" });
  };
  const links: EventLinks = {
    onArticleHistory: (ticketId, articleId) => {
      setArticle({ ticketId, articleId });
      go(articleHeading.current);
    },
    onTicketAsOf: (ticketId, at) => {
      setTicket({ ticketId, at });
      go(ticketHeading.current);
    },
  };

  return (
    <section className="page audit">
      <div className="page-header">
        <h1>Audit</h1>
      </div>
      <p className="muted lead">Everything the service did, as recorded: every event, who caused it and when. The log is chained by hashes, so an edit, a deletion or a reordering shows.</p>
      <nav className="jump" aria-label="On this page">
        <a href="#chain-title">Hash chain</a>
        <a href="#log-title">Event log</a>
        <a href="#article-title">Article security history</a>
        <a href="#ticket-title">Ticket as of a time</a>
      </nav>

      <section className="card" aria-labelledby="chain-title">
        <h2 id="chain-title" tabIndex={-1}>Hash chain</h2>
        <VerifyChain />
      </section>

      <section className="card" aria-labelledby="log-title">
        <h2 id="log-title" tabIndex={-1}>Event log</h2>
        <EventLog links={links} />
      </section>

      <section className="card" aria-labelledby="article-title">
        <h2 id="article-title" ref={articleHeading} tabIndex={-1}>Article security history</h2>
        <ArticleHistory requested={article} />
      </section>

      <section className="card" aria-labelledby="ticket-title">
        <h2 id="ticket-title" ref={ticketHeading} tabIndex={-1}>Ticket as of a time</h2>
        <TicketAsOf requested={ticket} />
      </section>
    </section>
  );
}
