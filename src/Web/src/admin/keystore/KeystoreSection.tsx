import { useEffect, useRef, useState, type ReactNode } from "react";
import { describeProblem, type Schemas } from "../../api/client";
import { Notice, type NoticeContent } from "../../ui/Notice";
import { Empty, Failure, Loading } from "../../ui/states";
import { useLoad } from "../../ui/useLoad";
import { CandidateTable, candidateNames } from "./CandidateTable";
import { normalizeFingerprint } from "../../ui/fingerprint";
import { ImportDialog } from "./ImportDialog";
import { describeImported } from "./imported";
import { RemoveDialog, secretName, type Removal } from "./RemoveDialog";
import { saveText } from "./download";
import { Pager, SearchBox } from "./ListControls";
import type { Entry, KeystoreSystem, ListQuery } from "./systems";
import type { ImportKind } from "./upload";

const importLabels: Record<ImportKind, string> = {
  certificate: "Add certificate",
  "private-key": "Add private key",
  "trust-anchor": "Add trust anchor",
  crl: "Add CRL",
  "pgp-key": "Add PGP key",
};

export type EntryHandlers<T> = {
  onDownload: (entry: T) => void;
  onRemove: (entry: T) => void;
  onRemoveSecret?: (entry: T) => void;
  /** After a change a table made itself: the list again, and what changed in the section's notice. */
  onChanged: (message: string) => void;
};

/**
 * One system's part of the keystore: what it holds, the forms that add to it, and the keys that arrived in mail.
 * Every outcome lands in the section's notice, next to the buttons that caused it.
 */
export function KeystoreSection<T extends Entry>({ id, title, system, canEdit, empty, renderTable }: {
  id: string;
  title: string;
  system: KeystoreSystem<T>;
  canEdit: boolean;
  empty: ReactNode;
  renderTable: (entries: T[], handlers: EntryHandlers<T>) => ReactNode;
}) {
  const [query, setQuery] = useState<ListQuery>({ q: "", page: 1 });
  const [candidatePage, setCandidatePage] = useState(1);
  const [entries, reloadEntries] = useLoad(() => system.list(query), [query]);
  const [candidates, reloadCandidates] = useLoad(() => system.candidates({ q: "", page: candidatePage }), [candidatePage]);
  const [importing, setImporting] = useState<ImportKind | null>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [notice, setNotice] = useState<NoticeContent>(null);
  const [busyCandidate, setBusyCandidate] = useState<string | null>(null);
  // A row that is going takes the focus with it: it moves to the heading of its table instead.
  const [focusAfter, setFocusAfter] = useState<"entries" | "candidates" | null>(null);
  const entriesHeading = useRef<HTMLHeadingElement>(null);
  const candidatesHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusAfter) return;
    (focusAfter === "entries" ? entriesHeading : candidatesHeading).current?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const held = entries.status === "loaded" ? entries.data.items : [];
  const heldName = (fingerprint: string) => {
    const entry = held.find((e) => normalizeFingerprint(e.fingerprint) === normalizeFingerprint(fingerprint));
    return entry && system.nameOf(entry);
  };

  /** Names the imported entries from a fresh list (an entry the lists do not show, such as a CRL, by `otherwise`). */
  async function imported(items: Schemas["KeystoreChangeItem"][], otherwise?: string) {
    setImporting(null);
    reloadCandidates();
    // Lists come a page at a time: each imported entry is looked up by its fingerprint.
    const found = await Promise.all(items.map((item) =>
      system.list({ q: item.fingerprint, page: 1 }).then(({ data }) => data?.items ?? [], () => [])));
    const fresh = found.flat();
    reloadEntries();
    const nameOf = (fingerprint: string) => {
      const entry = fresh.find((e) => normalizeFingerprint(e.fingerprint) === fingerprint);
      return entry ? system.nameOf(entry) : otherwise;
    };
    setNotice({ tone: "good", lines: describeImported(items, nameOf) });
  }

  async function download(entry: T) {
    try {
      const { text, fileName, type, error, response } = await system.download(entry);
      if (text !== undefined) saveText(fileName, text, type);
      else setNotice({ tone: "bad", lines: [`${system.nameOf(entry)}: ${describeProblem(error, response)}`] });
    } catch {
      setNotice({ tone: "bad", lines: ["The service could not be reached."] });
    }
  }

  async function remove(target: Removal): Promise<string | null> {
    const removeSecret = target.secretOnly ? system.removeSecret : undefined;
    try {
      const { error, response } = await (removeSecret ?? system.remove)(target.fingerprint);
      if (!response.ok) return describeProblem(error, response);
    } catch {
      return "The service could not be reached.";
    }
    setRemoval(null);
    setFocusAfter("entries");
    reloadEntries();
    reloadCandidates();
    setNotice({ tone: "good", lines: [removeSecret
      ? `Destroyed the ${secretName(target)} of ${target.name}; the ${target.what} stays.`
      : `Removed the ${target.what} ${target.name}.`] });
    return null;
  }

  async function candidateAction(candidate: Schemas["CandidateView"], action: "import" | "dismiss") {
    if (busyCandidate) return;
    const name = candidateNames(candidate)[0] ?? candidate.fingerprint;
    setBusyCandidate(candidate.fingerprint);
    try {
      if (action === "import") {
        const { data, error, response } = await system.importCandidate(candidate.fingerprint);
        if (data) {
          setFocusAfter("candidates");
          await imported(data.items, name);
        }
        else setNotice({ tone: "bad", lines: [`${name} was not imported: ${describeProblem(error, response)}`] });
      } else {
        const { error, response } = await system.dismissCandidate(candidate.fingerprint);
        if (response.ok) {
          setFocusAfter("candidates");
          reloadCandidates();
          setNotice({ tone: "good", lines: [`Dismissed ${name}: later mail does not offer it again.`] });
        } else setNotice({ tone: "bad", lines: [`${name} was not dismissed: ${describeProblem(error, response)}`] });
      }
    } catch {
      setNotice({ tone: "bad", lines: ["The service could not be reached."] });
    } finally {
      setBusyCandidate(null);
    }
  }

  const removalOf = (entry: T, secretOnly: boolean): Removal =>
    ({ what: system.what, name: system.nameOf(entry), fingerprint: entry.fingerprint, hasSecret: system.hasSecret(entry), secretOnly });
  const handlers: EntryHandlers<T> = {
    onDownload: download,
    onRemove: (entry) => setRemoval(removalOf(entry, false)),
    onRemoveSecret: system.removeSecret && ((entry) => setRemoval(removalOf(entry, true))),
    onChanged: (message) => {
      reloadEntries();
      setNotice({ tone: "good", lines: [message] });
    },
  };
  const plural = system.what === "certificate" ? "certificates" : "PGP keys";

  return (
    <section className="card keystore-section" aria-labelledby={`${id}-title`}>
      <div className="section-header">
        <h2 id={`${id}-title`} ref={entriesHeading} tabIndex={-1}>{title}</h2>
        {canEdit && (
          <div className="row">
            {system.imports.map((kind, i) => (
              <button key={kind} type="button" className={i === 0 ? "button primary" : "button"} onClick={() => setImporting(kind)}>
                {importLabels[kind]}
              </button>
            ))}
          </div>
        )}
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />

      <SearchBox plural={plural} value={query.q} onSearch={(q) => setQuery({ q, page: 1 })} />
      {entries.status === "loading" && <Loading what={plural} />}
      {entries.status === "failed" && <Failure message={entries.message} onRetry={reloadEntries} />}
      {entries.status === "loaded" && (entries.data.items.length === 0
        ? <Empty>{query.q ? <>No {plural} match “{query.q}”.</> : empty}</Empty>
        : <>
            {renderTable(entries.data.items, handlers)}
            <Pager label={`Pages of ${plural}`} list={entries.data} onPage={(page) => setQuery({ ...query, page })} />
          </>)}

      <h3 ref={candidatesHeading} tabIndex={-1}>{system.what === "certificate" ? "Certificates" : "PGP keys"} from mail</h3>
      <p className="muted section-hint">
        Signed mail brought these {plural}; the keystore does not hold them, and they change no verdict until imported.
        Read the fingerprint to its owner in person or over the phone before you import one.
      </p>
      {candidates.status === "loading" && <Loading what={`${plural} from mail`} />}
      {candidates.status === "failed" && <Failure message={candidates.message} onRetry={reloadCandidates} />}
      {candidates.status === "loaded" && (candidates.data.items.length === 0
        ? <Empty>No {plural} from mail are waiting for review.</Empty>
        : <>
            <CandidateTable candidates={candidates.data.items} what={system.what} now={new Date()} canEdit={canEdit} nameOf={heldName}
              busy={busyCandidate} onImport={(c) => candidateAction(c, "import")} onDismiss={(c) => candidateAction(c, "dismiss")} />
            <Pager label={`Pages of ${plural} from mail`} list={candidates.data} onPage={setCandidatePage} />
          </>)}

      {canEdit && (
        <>
          <ImportDialog kind={importing} onClose={() => setImporting(null)} onImported={(kind, items) => imported(items, kind === "crl" ? "CRL" : undefined)} />
          <RemoveDialog removal={removal} onCancel={() => setRemoval(null)} onConfirm={remove} />
        </>
      )}
    </section>
  );
}
