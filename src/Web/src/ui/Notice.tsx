import "./notice.css";

export type NoticeContent = { tone: "good" | "bad"; lines: string[] } | null;

/**
 * The outcome of an action. Both live regions are always in the page, so that screen readers announce what appears
 * in them: a success politely (status), a failure at once (alert). The close button stays out of what is announced.
 */
export function Notice({ notice, onDismiss }: { notice: NoticeContent; onDismiss: () => void }) {
  const lines = (tone: "good" | "bad") => notice?.tone === tone && notice.lines.map((line, i) => <p key={i}>{line}</p>);
  return (
    <div className={notice ? `notice ${notice.tone}` : "notice-none"}>
      <div role="status" className="notice-lines">{lines("good")}</div>
      <div role="alert" className="notice-lines">{lines("bad")}</div>
      {notice && <button type="button" className="button subtle notice-close" onClick={onDismiss} aria-label="Close message">×</button>}
    </div>
  );
}
