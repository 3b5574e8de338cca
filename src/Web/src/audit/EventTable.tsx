import { Fragment, useId, useState } from "react";
import { formatDateTime } from "../ui/time";
import { JsonText } from "./JsonText";
import type { LoggedEvent } from "./query";

export type EventLinks = {
  onArticleHistory: (ticketId: string, articleId: string) => void;
  onTicketAsOf: (ticketId: string, at: string) => void;
};

/** The ticket and article an event is about, when its data names them. */
export function subjectOf(event: LoggedEvent): { ticketId?: string; articleId?: string } {
  const data = event.data as Record<string, unknown> | null;
  const text = (key: string) => (data && typeof data[key] === "string" ? (data[key] as string) : undefined);
  return { ticketId: text("ticketId"), articleId: text("articleId") };
}

/** Events by sequence; each row opens its data as JSON below it, with links to the ticket or article it is about. */
export function EventTable({ events, caption, links, onStream }: {
  events: LoggedEvent[];
  caption: string;
  links?: EventLinks;
  onStream?: (streamId: string) => void;
}) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const baseId = useId();
  const toggle = (key: string) => setOpen((o) => {
    const next = new Set(o);
    if (!next.delete(key)) next.add(key);
    return next;
  });

  return (
    <div className="table-scroll">
      <table className="events-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Sequence</th>
            <th scope="col">Time</th>
            <th scope="col">Type</th>
            <th scope="col">Stream</th>
            <th scope="col">Actor</th>
            <th scope="col"><span className="visually-hidden">Data</span></th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const key = `${event.sequence}`;
            const dataId = `${baseId}-${key}`;
            const expanded = open.has(key);
            const { ticketId, articleId } = subjectOf(event);
            return (
              <Fragment key={key}>
                <tr className={expanded ? "expanded" : undefined}>
                  <th scope="row" className="number">{String(event.sequence)}</th>
                  <td className="time" title={event.timestamp}>{formatDateTime(event.timestamp)}</td>
                  <td><code>{event.type}</code></td>
                  <td className="stream">
                    {onStream
                      ? <button type="button" className="link-button mono" title={`Show only stream ${event.streamId}`}
                          aria-label={`Show only stream ${event.streamId}`} onClick={() => onStream(event.streamId)}>{event.streamId.slice(0, 8)}…</button>
                      : <span className="mono" title={event.streamId}>{event.streamId.slice(0, 8)}…</span>}
                    <span className="muted"> v{String(event.version)}</span>
                  </td>
                  <td>{event.actor ?? <span className="muted">the service</span>}</td>
                  <td className="row-actions">
                    <button type="button" className="button small" aria-expanded={expanded} aria-controls={expanded ? dataId : undefined}
                      onClick={() => toggle(key)}>Data</button>
                  </td>
                </tr>
                {expanded && (
                  <tr className="event-data" id={dataId}>
                    <td colSpan={6}>
                      <p className="event-facts">
                        Stream <span className="mono">{event.streamId}</span>, version {String(event.version)}, at <span className="mono">{event.timestamp}</span>
                      </p>
                      {links && ticketId && (
                        <div className="row event-links">
                          {articleId && <button type="button" className="button small" onClick={() => links.onArticleHistory(ticketId, articleId)}>Article history</button>}
                          <button type="button" className="button small" onClick={() => links.onTicketAsOf(ticketId, event.timestamp)}>Ticket at this moment</button>
                        </div>
                      )}
                      <JsonText value={event.data} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
