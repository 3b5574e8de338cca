import { Link, useNavigate } from "react-router";
import { api } from "../api/client";
import { Empty, Failure, Loading } from "../ui/states";
import { useLoad } from "../ui/useLoad";
import { Composer } from "./Composer";

/** A new ticket: the first article to a customer, sent from one of the groups. */
export function NewTicketPage() {
  const navigate = useNavigate();
  const [groups, reload] = useLoad(() => api.GET("/api/v1/groups"), []);
  return (
    <section className="page new-ticket">
      <p className="back"><Link to="/tickets">← Tickets</Link></p>
      <div className="page-header"><h1>New ticket</h1></div>
      {groups.status === "loading" && <Loading what="the groups" />}
      {groups.status === "failed" && <Failure message={groups.message} onRetry={reload} />}
      {groups.status === "loaded" && groups.data.length === 0 && (
        <Empty>
          <p>No group is set up yet. A ticket is sent from a group's address: an admin adds groups in the settings.</p>
        </Empty>
      )}
      {groups.status === "loaded" && groups.data.length > 0 && (
        <>
          <p className="muted intro">The first address in To becomes the ticket's customer.</p>
          <Composer mode={{ kind: "new", groups: groups.data, onOpened: (id) => navigate(`/tickets/${id}`) }} />
        </>
      )}
    </section>
  );
}
