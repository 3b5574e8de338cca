import { useState, type FormEvent } from "react";
import type { ListPage } from "./systems";

/** The search box above a keystore table: a name, an address, a domain or the start of a fingerprint. */
export function SearchBox({ plural, value, onSearch }: { plural: string; value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(text.trim());
  }
  return (
    <form className="keystore-search" role="search" aria-label={`Find ${plural}`} onSubmit={submit}>
      <label className="field">
        <span>Search {plural}</span>
        <input type="search" value={text} placeholder="Name, address, domain or fingerprint" onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="button">Search</button>
      {value && <button type="button" className="button subtle" onClick={() => { setText(""); onSearch(""); }}>Show all</button>}
    </form>
  );
}

/** Previous and next page, and where the reader is; nothing when everything fits on one page. */
export function Pager<T>({ label, list, onPage }: { label: string; list: ListPage<T>; onPage: (page: number) => void }) {
  const current = Number(list.page);
  const pages = Math.max(1, Math.ceil(Number(list.total) / Number(list.limit)));
  if (pages <= 1 && current <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button" disabled={current <= 1} onClick={() => onPage(current - 1)}>Previous page</button>
      <span>Page {current} of {pages} · {String(list.total)} in all</span>
      <button type="button" className="button" disabled={current >= pages} onClick={() => onPage(current + 1)}>Next page</button>
    </nav>
  );
}
