import { useEffect, useMemo, useRef, useState } from "react";
import { api, type Schemas } from "../api/client";
import { mailDocument } from "./mailHtml";

type Article = Schemas["ArticleView"];

/** The article's content: plain text as text; HTML sanitized, in a frame of its own, remote content held back until asked. */
export function MailBody({ ticketId, article }: { ticketId: string; article: Article }) {
  const [plain, setPlain] = useState(false);
  const html = article.html;
  if (!html)
    return article.body.trim()
      ? <div className="mail-text">{article.body}</div>
      : <p className="mail-text muted">{article.security?.encryption.status === "failed"
        ? "(The content is encrypted and could not be decrypted.)"
        : "(This message has no text.)"}</p>;
  return (
    <div className="mail-body">
      <div className="mail-body-bar">
        <span className="muted">{plain ? "The message's plain text" : "The message as formatted by its sender"}</span>
        {article.body.trim() && (
          <button type="button" className="button subtle small" aria-pressed={plain} onClick={() => setPlain(!plain)}>Show plain text</button>
        )}
      </div>
      {plain ? <div className="mail-text">{article.body}</div> : <HtmlBody ticketId={ticketId} article={article} html={html} />}
    </div>
  );
}

function HtmlBody({ ticketId, article, html }: { ticketId: string; article: Article; html: string }) {
  const [remote, setRemote] = useState(false);
  const inlineImages = useInlineImages(ticketId, article, html);
  const mail = useMemo(() => mailDocument(html, { remote, inlineImages }), [html, remote, inlineImages]);
  return (
    <>
      {mail.blocked > 0 && !remote && (
        <div className="remote-notice" role="note">
          <p>
            Remote content of this message is blocked ({mail.blocked} {mail.blocked === 1 ? "reference" : "references"}). Loading it tells
            the sender that you read the message
            {article.security?.encryption.status === "decrypted"
              ? ", and this message was encrypted: a tampered one can send its decrypted text to the addresses it loads."
              : ", and a forged message can use it to leak the content of encrypted mail."}
          </p>
          <button type="button" className="button" onClick={() => setRemote(true)}>Load remote content</button>
        </div>
      )}
      <MailFrame srcdoc={mail.srcdoc} title={`Content of the message from ${article.from}`} />
    </>
  );
}

/**
 * No allow-scripts: nothing in the mail runs. allow-same-origin only so that this page can read the frame's height and
 * size it (a frame without it is opaque to us); without scripts the mail gains nothing from it, and the frame's policy
 * blocks every request. Links open in a new tab, outside the sandbox, as any link would.
 */
const sandbox = "allow-same-origin allow-popups allow-popups-to-escape-sandbox";

function MailFrame({ srcdoc, title }: { srcdoc: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(160);

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    let observer: ResizeObserver | null = null;
    const measure = () => {
      const document = element.contentDocument;
      if (!document?.body) return;
      // The larger of the two: a mail may style html or body to a fixed height, and its content still overflows it.
      const fit = () => setHeight(Math.ceil(Math.max(document.documentElement.getBoundingClientRect().height, document.body.scrollHeight)) + 2);
      fit();
      if (!observer && typeof ResizeObserver !== "undefined") {
        observer = new ResizeObserver(fit);
        observer.observe(document.body);
      }
    };
    element.addEventListener("load", measure);
    return () => {
      element.removeEventListener("load", measure);
      observer?.disconnect();
    };
  }, [srcdoc]);

  return <iframe ref={frame} className="mail-frame" title={title} sandbox={sandbox} srcDoc={srcdoc} style={{ height }} />;
}

const inlineTypes = /^image\/(png|jpeg|gif|webp)$/i;
const inlineLimit = 5 * 1024 * 1024;

/** The article's own images named by cid: in its HTML, fetched by us and handed to the frame as data: URLs. */
function useInlineImages(ticketId: string, article: Article, html: string): ReadonlyMap<string, string> {
  const [images, setImages] = useState<ReadonlyMap<string, string>>(() => new Map());
  const wanted = useMemo(
    () => /cid:/i.test(html)
      ? article.attachments.filter((a) => a.contentId && a.id && inlineTypes.test(a.contentType) && Number(a.size) <= inlineLimit)
      : [],
    [article.attachments, html],
  );

  useEffect(() => {
    if (wanted.length === 0) return;
    let current = true;
    Promise.all(wanted.map(async (attachment) => {
      const { data } = await api.GET("/api/v1/tickets/{id}/articles/{articleId}/attachments/{attachmentId}", {
        params: { path: { id: ticketId, articleId: article.id, attachmentId: attachment.id } },
        parseAs: "blob",
      });
      return data instanceof Blob && inlineTypes.test(data.type) ? [attachment.contentId!, await dataUrl(data)] as const : null;
    })).then((loaded) => {
      if (current) setImages(new Map(loaded.filter((entry) => entry !== null)));
    }, () => {});
    return () => {
      current = false;
    };
  }, [wanted, ticketId, article.id]);

  return images;
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
