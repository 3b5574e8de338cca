import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { api, type Schemas } from "../api/client";
import { useSession } from "../session/session";
import { Empty, Failure, Loading } from "../ui/states";
import { useLoad } from "../ui/useLoad";
import { SecurityIcons } from "./SecurityIcons";
import { deliveryNotice, securityIcons } from "./securityIcons";
import { When } from "./When";
import "./tickets.css";

/** Tickets, newest activity first, 50 a page; the filters and the page live in the address, so back and reload keep them. */
export function TicketListPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const customer = params.get("customer") ?? "";
  const group = params.get("group") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [tickets, reload] = useLoad(
    () => api.GET("/api/v1/tickets", { params: { query: { customer: customer || undefined, group: group || undefined, page } } }),
    [customer, group, page],
  );
  const filtered = customer !== "" || group !== "";
  const empty = tickets.status === "loaded" && tickets.data.tickets.length === 0;
  const newTicket = session.has("agent") ? <Link className="button primary" to="/tickets/new">New ticket</Link> : null;

  function show(next: { customer?: string; group?: string; page?: number }) {
    const merged = { customer, group, page: 1, ...next };
    const query = new URLSearchParams();
    if (merged.customer) query.set("customer", merged.customer);
    if (merged.group) query.set("group", merged.group);
    if (merged.page > 1) query.set("page", String(merged.page));
    setParams(query);
  }

  return (
    <section className="page">
      <div className="page-header">
        <h1>Tickets</h1>
        {/* One "New ticket" link at a time: the empty state carries it when there is nothing to list. */}
        {!(empty && !filtered) && newTicket}
      </div>
      <Filters key={`${customer}|${group}`} customer={customer} group={group} onApply={show} />
      {tickets.status === "loading" && <Loading what="the tickets" />}
      {tickets.status === "failed" && <Failure message={tickets.message} onRetry={reload} />}
      {empty && !filtered && (
        <Empty>
          <p className="empty-title">No tickets yet</p>
          {newTicket ? <p>Write to a customer to open the first one. {newTicket}</p> : <p>Tickets appear here when mail arrives or an agent writes.</p>}
        </Empty>
      )}
      {empty && filtered && (
        <Empty>
          <p className="empty-title">No tickets match these filters</p>
          <p><button type="button" className="button" onClick={() => show({ customer: "", group: "" })}>Show all tickets</button></p>
        </Empty>
      )}
      {tickets.status === "loaded" && !empty && <TicketTable page={tickets.data} onPage={(n) => show({ page: n })} />}
    </section>
  );
}

function Filters({ customer, group, onApply }: { customer: string; group: string; onApply: (f: { customer: string; group: string }) => void }) {
  const [groups] = useLoad(() => api.GET("/api/v1/groups"), []);
  const [customerText, setCustomerText] = useState(customer);
  const [groupName, setGroupName] = useState(group);

  function apply(event: FormEvent) {
    event.preventDefault();
    onApply({ customer: customerText.trim(), group: groupName });
  }

  return (
    <form className="filters" role="search" aria-label="Filter tickets" onSubmit={apply}>
      <label className="field">
        <span>Customer</span>
        <input type="search" value={customerText} placeholder="alice@example.com" onChange={(e) => setCustomerText(e.target.value)} />
      </label>
      <label className="field">
        <span>Group</span>
        <select value={groupName} onChange={(e) => setGroupName(e.target.value)}>
          <option value="">All groups</option>
          {groups.status === "loaded" && groups.data.map((g) => <option key={g.name} value={g.name}>{g.name}</option>)}
          {group && groups.status !== "loaded" && <option value={group}>{group}</option>}
        </select>
      </label>
      <button type="submit" className="button">Filter</button>
    </form>
  );
}

function TicketTable({ page, onPage }: { page: Schemas["TicketPage"]; onPage: (page: number) => void }) {
  const current = Number(page.page);
  const pages = Math.max(1, Math.ceil(Number(page.total) / Number(page.pageSize)));
  return (
    <>
      <table className="ticket-table">
        <caption className="visually-hidden">Tickets, newest activity first</caption>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">Customer</th>
            <th scope="col">Group</th>
            <th scope="col">Last change</th>
            <th scope="col">Security</th>
          </tr>
        </thead>
        <tbody>
          {page.tickets.map((ticket) => (
            <tr key={ticket.id}>
              <th scope="row"><Link to={`/tickets/${ticket.id}`}>{ticket.subject || "(no subject)"}</Link></th>
              <td>{ticket.customer}</td>
              <td>{ticket.group}</td>
              <td><When at={ticket.updatedAt} /></td>
              <td>{ticket.lastArticle && <ListSecurity article={ticket.lastArticle} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pager" aria-label="Pages">
        <button type="button" className="button" disabled={current <= 1} onClick={() => onPage(current - 1)}>Previous page</button>
        <span>Page {current} of {pages} · {page.total} {Number(page.total) === 1 ? "ticket" : "tickets"}</span>
        <button type="button" className="button" disabled={current >= pages} onClick={() => onPage(current + 1)}>Next page</button>
      </nav>
    </>
  );
}

/** The last article's icons, and what still waits: a key, or a delivery. A plain article says so in words. */
function ListSecurity({ article }: { article: Schemas["LastArticleView"] }) {
  const delivery = deliveryNotice(article);
  return (
    <span className="list-security">
      <SecurityIcons article={article} />
      {securityIcons(article).length === 0 && <span className="muted none">Not signed or encrypted</span>}
      {article.awaitsKey && <span className="badge warn">Waiting for a key</span>}
      {delivery && <span className={`badge ${delivery.tone === "bad" ? "bad" : ""}`}>{delivery.label}</span>}
    </span>
  );
}
