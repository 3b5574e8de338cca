import { useId, useMemo, useReducer, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { api, type Problem, type Schemas } from "../api/client";
import { AttachmentField, readBase64 } from "./AttachmentField";
import { placeProblem, type PlacedProblems, type ProblemField } from "./problemPlacement";
import { addressesToAsk, splitAddresses } from "./recipients";
import { SecurityControls } from "./SecurityControls";
import { initialSecurity, sameRequest, securityReducer, securityView } from "./securityState";
import { useSecurityOptions, type SecurityQuestion } from "./useSecurityOptions";
import "./compose.css";

export type ComposerMode =
  | { kind: "new"; groups: Schemas["GroupView"][]; onOpened: (ticketId: string) => void }
  | { kind: "reply"; ticket: { id: string; version: number; customer: string; subject: string }; reloadTicket: () => void };

/** The one composer: a new ticket (with its group) or a reply on a ticket (which keeps the ticket's group). */
export function Composer({ mode }: { mode: ComposerMode }) {
  const [group, setGroup] = useState(mode.kind === "new" ? mode.groups[0]?.name ?? "" : "");
  const [to, setTo] = useState(mode.kind === "reply" ? mode.ticket.customer : "");
  const [cc, setCc] = useState("");
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [attachPublicKey, setAttachPublicKey] = useState(false);
  const [problems, setProblems] = useState<PlacedProblems>({});
  const [conflict, setConflict] = useState(false);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [security, dispatch] = useReducer(securityReducer, initialSecurity);
  const view = securityView(security);

  const ticketId = mode.kind === "reply" ? mode.ticket.id : undefined;
  const toAsk = addressesToAsk(to).join(" ");
  const ccAsk = addressesToAsk(cc).join(" ");
  const question = useMemo<SecurityQuestion | null>(() => {
    const recipients = { to: toAsk ? toAsk.split(" ") : [], cc: ccAsk ? ccAsk.split(" ") : [] };
    if (ticketId) return { ticketId, ...recipients };
    return group ? { group, ...recipients } : null;
  }, [ticketId, group, toAsk, ccAsk]);
  const askNow = useSecurityOptions(question, dispatch);

  function edited(field: ProblemField, set: (value: string) => void) {
    return (value: string) => {
      set(value);
      setSent(false);
      if (problems[field]) setProblems(({ [field]: _, ...rest }) => rest);
    };
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    setProblems({});
    setConflict(false);
    setSent(false);
    setSending(true);
    try {
      let request = view.request;
      if (security.pending || security.failure) {
        // The answer for what is typed now is not in: ask, and send only if it leaves the buttons as the agent saw them.
        const answer = await askNow();
        if (answer && "options" in answer) {
          const fresh = securityView(securityReducer(security, { type: "answered", options: answer.options })).request;
          if (!sameRequest(fresh, request)) {
            setProblems({ security: "Encrypt and Sign changed for these recipients. Check them, then send again." });
            return;
          }
          request = fresh;
        }
      }
      const attachments = await Promise.all(files.map(async (file) => ({
        fileName: file.name, contentType: file.type || "application/octet-stream", base64: await readBase64(file),
      })));
      const compose: Schemas["ComposeRequest"] = {
        group: mode.kind === "new" ? group : null,
        customer: null,
        to: splitAddresses(to),
        cc: splitAddresses(cc),
        subject: subject.trim() || null,
        body,
        html: null,
        attachments,
        attachPublicKey,
        security: request,
        expectedVersion: mode.kind === "reply" ? mode.ticket.version : null,
      };
      const { data, error, response } = mode.kind === "new"
        ? await api.POST("/api/v1/tickets", { body: compose })
        : await api.POST("/api/v1/tickets/{id}/articles", { params: { path: { id: mode.ticket.id } }, body: compose });
      if (data) {
        if (mode.kind === "new") {
          mode.onOpened(data.ticketId);
          return;
        }
        setSubject("");
        setBody("");
        setCc("");
        setFiles([]);
        setAttachPublicKey(false);
        dispatch({ type: "sent" });
        setSent(true);
        mode.reloadTicket();
        return;
      }
      if (response.status === 409) {
        setConflict(true);
        return;
      }
      const placed = placeProblem(response.status, error as Problem | undefined);
      setProblems(placed);
      // The keys changed since the buttons were last told (one was removed, expired, turned off): tell them again.
      if (placed.encrypt || placed.sign || placed.security) askNow().catch(() => undefined);
    } catch {
      setProblems({ form: "The service could not be reached. Your text is kept: send again when it is back." });
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="card composer" onSubmit={send} noValidate aria-label={mode.kind === "new" ? "New ticket" : "Reply"}>
      {conflict && mode.kind === "reply" && (
        <div className="conflict" role="alert">
          <p>This ticket changed since you opened it: a new article arrived. Read it before you send; your text is kept.</p>
          <button type="button" className="button" onClick={() => { mode.reloadTicket(); setConflict(false); }}>Reload the articles</button>
        </div>
      )}
      {mode.kind === "new" && (
        <Field label="Group" problem={problems.group}>
          {(props) => (
            <select {...props} value={group} onChange={(e) => edited("group", setGroup)(e.target.value)}>
              {mode.groups.map((g) => <option key={g.name} value={g.name}>{g.name} ({g.emailAddress})</option>)}
            </select>
          )}
        </Field>
      )}
      <div className="recipients">
        <Field label="To" hint="Addresses separated by commas or spaces" problem={problems.to}>
          {(props) => <input {...props} type="text" inputMode="email" autoComplete="off" value={to} onKeyDown={noImplicitSend} onChange={(e) => edited("to", setTo)(e.target.value)} />}
        </Field>
        <Field label="Cc" hint="Addresses separated by commas or spaces" problem={problems.cc}>
          {(props) => <input {...props} type="text" inputMode="email" autoComplete="off" value={cc} onKeyDown={noImplicitSend} onChange={(e) => edited("cc", setCc)(e.target.value)} />}
        </Field>
      </div>
      <Field label="Subject" problem={problems.subject}>
        {(props) => (
          <input {...props} type="text" value={subject} onKeyDown={noImplicitSend} placeholder={mode.kind === "reply" ? `Re: ${mode.ticket.subject}` : undefined}
            onChange={(e) => edited("subject", setSubject)(e.target.value)} />
        )}
      </Field>
      <Field label="Body" problem={problems.body}>
        {(props) => <textarea {...props} value={body} rows={8} onChange={(e) => edited("body", setBody)(e.target.value)} />}
      </Field>
      <AttachmentField files={files} onChange={(next) => { setFiles(next); setProblems(({ attachments: _, ...rest }) => rest); }} problem={problems.attachments} />
      <PublicKeyChoice checked={attachPublicKey} problem={problems.publicKey}
        onChange={(checked) => { setAttachPublicKey(checked); setSent(false); setProblems(({ publicKey: _, ...rest }) => rest); }} />
      <SecurityControls state={security} view={view} dispatch={dispatch} problems={problems} />
      {problems.form && <p className="inline-error" role="alert">{problems.form}</p>}
      <div className="composer-actions">
        <button type="submit" className="button primary" aria-disabled={sending || undefined}>Send</button>
        <span role="status" className="sent-note">
          {sending ? <><span className="spinner" aria-hidden="true" /> Sending…</> : sent ? "Reply sent." : ""}
        </span>
      </div>
    </form>
  );
}

/** The group's public PGP key as one more attachment, so that the customer can encrypt the answer (ADR 42). */
function PublicKeyChoice({ checked, problem, onChange }: { checked: boolean; problem?: string; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="field public-key-choice">
      <label className="check">
        <input type="checkbox" checked={checked} aria-invalid={problem ? true : undefined} aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ""}`}
          onChange={(e) => onChange(e.target.checked)} />
        Attach our public PGP key
      </label>
      <span className="hint" id={`${id}-hint`}>The group's public key goes with the attachments, so that the customer can encrypt the answer.</span>
      {problem && <p className="inline-error" id={`${id}-problem`} role="alert">{problem}</p>}
    </div>
  );
}

type ControlProps = { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

// Enter in a one-line field would submit the form, and so send a half-written message: only Send sends.
const noImplicitSend = (event: KeyboardEvent) => {
  if (event.key === "Enter") event.preventDefault();
};

/** A labelled control with its hint and, after a refusal, the service's reason right under it. */
function Field({ label, hint, problem, children }: {
  label: string;
  hint?: string;
  problem?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": problem ? true : undefined, "aria-describedby": describedBy })}
      {hint && <span className="hint" id={hintId}>{hint}</span>}
      {problem && <p className="inline-error" id={problemId} role="alert">{problem}</p>}
    </div>
  );
}
