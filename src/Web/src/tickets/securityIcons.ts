import type { Schemas } from "../api/client";
import { groupFingerprint } from "../ui/fingerprint";
import type { Glyph } from "../ui/glyphs";
import type { Tone } from "../ui/StatusIcon";

/** What the icons need of an article: the ticket view's articles and the list's last article both have it. */
export type ArticleStatus = {
  direction: string;
  security: Schemas["ArticleSecurityView"] | null;
  delivery: Schemas["DeliveryView"] | null;
  awaitsKey?: boolean;
};

export type IconSpec = { key: string; glyph: Glyph; label: string; tone: Tone; description: string };

/**
 * The icons at the top of an article, in the words of docs/messages.md#incoming: encryption first, then the
 * signature. A layer the mail did not have ("none") gets no icon, so an unsigned mail can never look signed; every
 * failure gets its own icon with the reason as its description.
 */
export function securityIcons(article: ArticleStatus): IconSpec[] {
  return article.direction === "incoming" ? incoming(article.security) : outgoing(article.security);
}

function incoming(security: ArticleStatus["security"]): IconSpec[] {
  if (security === null)
    return [{ key: "checking", glyph: "clock", label: "Security check in progress", tone: "neutral",
      description: "This message is being decrypted and its signature checked." }];
  const icons: IconSpec[] = [];
  const { encryption, signature } = security;
  if (encryption.status === "decrypted")
    icons.push({ key: "encryption", glyph: "lock", label: "Encrypted for you", tone: "good", description: encryption.message ?? "" });
  else if (encryption.status === "failed")
    icons.push({ key: "encryption", glyph: "lock-broken", label: "Could not be decrypted", tone: "bad", description: encryption.message ?? "" });
  if (signature.status === "valid")
    icons.push({ key: "signature", glyph: "seal", label: "Signature verified", tone: "good", description: signatureDescription(signature) });
  else if (signature.status === "invalid")
    icons.push({ key: "signature", glyph: "seal-broken", label: "Signature verification failed", tone: "bad", description: signatureDescription(signature) });
  return icons;
}

function outgoing(security: ArticleStatus["security"]): IconSpec[] {
  if (security === null) return [];
  const { encryption, signature } = security;
  const icons: IconSpec[] = [];
  const failures = [signature, encryption].filter((layer) => layer.status === "failed").map((layer) => layer.message ?? "");
  if (failures.length > 0)
    icons.push({ key: "failed", glyph: "warning", label: "Security failed", tone: "bad", description: failures.join("\n") });
  if (encryption.status === "encrypted")
    icons.push({ key: "encryption", glyph: "lock", label: "Encrypted", tone: "good", description: encryption.message ?? "" });
  if (signature.status === "signed")
    icons.push({ key: "signature", glyph: "seal", label: "Signed", tone: "good", description: signatureDescription(signature) });
  return icons;
}

/** The message, then who signed: the certificate subject or PGP user ID, the address, and the fingerprint in fours. */
export function signatureDescription(signature: Schemas["SignatureStatusView"]): string {
  const lines = signature.message ? [signature.message] : [];
  if (signature.signer) {
    const { name, email, fingerprint } = signature.signer;
    lines.push(`Signer: ${name === email || name.includes(email) ? name : `${name} <${email}>`}`);
    lines.push(`Fingerprint: ${groupFingerprint(fingerprint)}`);
  }
  return lines.join("\n");
}

export type Notice = { tone: "warn" | "bad" | "neutral"; label: string; text: string };

/** Delivery of an outgoing article while it is not delivered: sending, or given up with the server's reason. */
export function deliveryNotice(article: ArticleStatus): Notice | null {
  const delivery = article.delivery;
  if (article.direction !== "outgoing" || delivery === null) return null;
  switch (delivery.status) {
    case "pending":
      return { tone: "neutral", label: "Sending", text: "The message is on its way to the mail server." };
    case "failed":
      return { tone: "bad", label: "Not delivered", text: delivery.message ?? "The mail server did not accept the message." };
    case "notSent":
      return { tone: "bad", label: "Not sent", text: delivery.message ?? "The message was not sent." };
    default:
      return null;
  }
}

/** An incoming article whose security process failed (a key was missing, the data was bad, the check never finished). */
export function canRetrySecurity(article: ArticleStatus): boolean {
  const security = article.security;
  return article.direction === "incoming" && security !== null &&
    (security.encryption.status === "failed" || security.signature.status === "invalid");
}
