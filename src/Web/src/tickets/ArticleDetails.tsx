import type { Schemas } from "../api/client";
import { groupFingerprint } from "../ui/fingerprint";
import { formatSize } from "../ui/formatSize";
import { formatMoment } from "../ui/time";

type Article = Schemas["ArticleView"];

/** Everything about an article that is not its content: addresses, each security layer, delivery, attachments. */
export function ArticleDetails({ ticketId, article, id }: { ticketId: string; article: Article; id: string }) {
  return (
    <div className="article-details" id={id}>
      <dl className="details-list">
        <dt>From</dt>
        <dd>{article.from || <span className="muted">(none)</span>}</dd>
        <dt>To</dt>
        <dd>{article.to.join(", ") || <span className="muted">(none)</span>}</dd>
        <dt>Cc</dt>
        <dd>{article.cc.join(", ") || <span className="muted">(none)</span>}</dd>
        <dt>Subject</dt>
        <dd>{article.subject || <span className="muted">(none)</span>}</dd>
        <dt>{article.direction === "incoming" ? "Received" : "Written"}</dt>
        <dd>{formatMoment(article.createdAt)}</dd>
        <dt>Security</dt>
        <dd><SecurityDetails article={article} /></dd>
        {article.direction === "outgoing" && (
          <>
            <dt>Delivery</dt>
            <dd><DeliveryDetails delivery={article.delivery} /></dd>
          </>
        )}
        <dt>Attachments</dt>
        <dd><Attachments ticketId={ticketId} article={article} /></dd>
      </dl>
    </div>
  );
}

const systems: Record<string, string> = { SMIME: "S/MIME", PGP: "PGP" };

const encryptionWords: Record<string, string> = {
  none: "Not encrypted",
  decrypted: "Decrypted",
  encrypted: "Encrypted",
  failed: "Could not be decrypted",
};

const signatureWords: Record<string, string> = {
  none: "Not signed",
  valid: "Signature verified",
  invalid: "Signature verification failed",
  signed: "Signed",
  failed: "Signing failed",
};

function SecurityDetails({ article }: { article: Article }) {
  const security = article.security;
  if (security === null)
    return <p className="detail-line">{article.direction === "incoming" ? "Being decrypted and verified…" : "No security recorded."}</p>;
  const outgoingFailure = article.direction === "outgoing" && security.encryption.status === "failed";
  const hidden = article.direction === "incoming" && security.encryption.status === "failed" && security.signature.status === "none";
  return (
    <div className="security-details">
      <p className="detail-line">System: {security.type ? systems[security.type] ?? security.type : <span className="muted">none</span>}</p>
      <p className="detail-line">
        <strong>{outgoingFailure ? "Encryption failed" : encryptionWords[security.encryption.status] ?? security.encryption.status}.</strong>
        {security.encryption.message && <> {security.encryption.message}</>}
        {security.encryption.code && <span className="muted"> ({security.encryption.code})</span>}
      </p>
      <p className="detail-line">
        {/* Signed inside the encryption is the usual order: what could not be decrypted cannot be said unsigned. */}
        {hidden ? <strong>Signature unknown: the content could not be decrypted.</strong> :
          <strong>{signatureWords[security.signature.status] ?? security.signature.status}.</strong>}
        {security.signature.message && <> {security.signature.message}</>}
        {security.signature.code && <span className="muted"> ({security.signature.code})</span>}
      </p>
      {security.signature.signer && (
        <p className="detail-line">
          Signer: {security.signature.signer.name}
          {!security.signature.signer.name.includes(security.signature.signer.email) && <> &lt;{security.signature.signer.email}&gt;</>}
          <br />
          Fingerprint: <span className="mono fingerprint">{groupFingerprint(security.signature.signer.fingerprint)}</span>
        </p>
      )}
    </div>
  );
}

const deliveryWords: Record<string, string> = { pending: "Sending", delivered: "Delivered", failed: "Not delivered", notSent: "Not sent" };

function DeliveryDetails({ delivery }: { delivery: Article["delivery"] }) {
  if (delivery === null) return <span className="muted">Not recorded.</span>;
  const attempts = Number(delivery.attempts);
  return (
    <div>
      <p className="detail-line">
        <strong>{deliveryWords[delivery.status] ?? delivery.status}</strong>
        {delivery.at && <> on {formatMoment(delivery.at)}</>}
        {attempts > 0 && <>, after {attempts} {attempts === 1 ? "attempt" : "attempts"}</>}.
      </p>
      {delivery.message && <p className="detail-line">Server's reply: <span className="mono">{delivery.message}</span></p>}
    </div>
  );
}

function Attachments({ ticketId, article }: { ticketId: string; article: Article }) {
  if (article.attachments.length === 0) return <span className="muted">None.</span>;
  return (
    <ul className="attachment-list">
      {article.attachments.map((attachment, index) => (
        <li key={attachment.id || index}>
          {attachment.id ? (
            <a href={`/api/v1/tickets/${ticketId}/articles/${article.id}/attachments/${encodeURIComponent(attachment.id)}`} download={attachment.fileName}>
              {attachment.fileName}
            </a>
          ) : (
            <span>{attachment.fileName} <span className="muted">(not downloadable until the article is processed again)</span></span>
          )}
          <span className="muted"> · {attachment.contentType} · {formatSize(Number(attachment.size))}{attachment.inline ? " · inline" : ""}</span>
        </li>
      ))}
    </ul>
  );
}
