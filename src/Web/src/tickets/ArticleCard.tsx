import { useId, useState } from "react";
import { api, describeProblem, type Schemas } from "../api/client";
import { useSession } from "../session/session";
import { ArticleDetails } from "./ArticleDetails";
import { MailBody } from "./MailBody";
import { SecurityIcons } from "./SecurityIcons";
import { canRetrySecurity, deliveryNotice, securityIcons } from "./securityIcons";
import { When } from "./When";

type Article = Schemas["ArticleView"];

type Retry = { state: "idle" } | { state: "running" } | { state: "done"; before: Article } | { state: "failed"; message: string };

/** One article: its security icons on top, who wrote to whom, the content, and the details on request. */
export function ArticleCard({ ticketId, article, onChanged }: { ticketId: string; article: Article; onChanged: () => void }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [retry, setRetry] = useState<Retry>({ state: "idle" });
  const headingId = useId();
  const detailsId = useId();
  const incoming = article.direction === "incoming";
  const delivery = deliveryNotice(article);

  async function retrySecurity() {
    setRetry({ state: "running" });
    const { error, response } = await api.POST("/api/v1/tickets/{id}/articles/{articleId}/retry-security", {
      params: { path: { id: ticketId, articleId: article.id } },
    }).catch(() => ({ error: undefined, response: undefined }));
    if (!response?.ok) {
      setRetry({ state: "failed", message: describeProblem(error, response) });
      return;
    }
    setRetry({ state: "done", before: article });
    onChanged();
  }

  return (
    <article className={`card article ${incoming ? "incoming" : "outgoing"}`} aria-labelledby={headingId}>
      <header className="article-header">
        <SecurityIcons article={article} />
        {delivery && <span className={`badge ${delivery.tone === "bad" ? "bad" : ""}`} title={delivery.text}>{delivery.label}</span>}
        {article.awaitsKey && <span className="badge warn">Waiting for a key</span>}
        <h3 id={headingId} className="article-title">
          <span className="direction">{incoming ? "Received" : "Sent"}</span> {incoming ? `from ${article.from}` : `to ${[...article.to, ...article.cc].join(", ")}`}
        </h3>
        <span className="article-when"><When at={article.createdAt} /></span>
      </header>

      {(delivery?.tone === "bad" || canRetrySecurity(article) || retry.state !== "idle") && (
        <div className="article-notices">
          {delivery?.tone === "bad" && <p className="inline-error">{delivery.label}: {delivery.text}</p>}
          {canRetrySecurity(article) && <SecurityProblem article={article} />}
          {canRetrySecurity(article) && session.has("agent") && (
            <button type="button" className="button" onClick={retrySecurity} disabled={retry.state === "running"}>
              Retry security process
            </button>
          )}
          <RetryOutcome retry={retry} article={article} />
        </div>
      )}

      <MailBody ticketId={ticketId} article={article} />

      <footer className="article-footer">
        <button type="button" className="button subtle disclosure" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)}>
          <span aria-hidden="true" className="chevron">{open ? "▾" : "▸"}</span> Details
        </button>
        {!open && article.attachments.length > 0 && (
          <span className="muted">{article.attachments.length} {article.attachments.length === 1 ? "attachment" : "attachments"}</span>
        )}
      </footer>
      {open && <ArticleDetails ticketId={ticketId} article={article} id={detailsId} />}
    </article>
  );
}

/** Why the security process failed, in the service's words, so that the reason is read without hovering. */
function SecurityProblem({ article }: { article: Article }) {
  const { encryption, signature } = article.security!;
  const reasons = [encryption.status === "failed" ? encryption.message : null, signature.status === "invalid" ? signature.message : null]
    .filter((reason, index, all): reason is string => !!reason && all.indexOf(reason) === index);
  return <p className="security-problem">{reasons.join(" ")}</p>;
}

function RetryOutcome({ retry, article }: { retry: Retry; article: Article }) {
  if (retry.state === "failed") return <p className="inline-error" role="alert">{retry.message}</p>;
  if (retry.state === "running") return <p className="muted" role="status">Decrypting and verifying again…</p>;
  if (retry.state === "done") {
    if (retry.before === article) return <p className="muted" role="status">Decrypting and verifying again…</p>;
    const labels = securityIcons(article).map((icon) => icon.label);
    return (
      <p className={canRetrySecurity(article) ? "retry-outcome muted" : "retry-outcome good"} role="status">
        Checked again: {labels.length > 0 ? labels.join(", ") : "no encryption or signature"}.
      </p>
    );
  }
  return null;
}
