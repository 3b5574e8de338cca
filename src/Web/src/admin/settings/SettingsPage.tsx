import { useRef, useState } from "react";
import { api } from "../../api/client";
import { Notice, type NoticeContent } from "../../ui/Notice";
import { Empty, Failure, Loading } from "../../ui/states";
import { useLoad } from "../../ui/useLoad";
import "../../ui/utilities.css";
import { draftOf, emptyDraft, type Group, type GroupDraft } from "./defaults";
import { GroupForm } from "./GroupForm";
import { GroupTable } from "./GroupTable";
import { SystemSwitches } from "./SystemSwitches";
import "./settings.css";

/** Which systems are on, and the groups agents write from with their sending address and defaults. */
export function SettingsPage() {
  const [groups, reloadGroups] = useLoad(() => api.GET("/api/v1/groups"), []);
  const [draft, setDraft] = useState<{ value: GroupDraft; editing: boolean }>({ value: emptyDraft(), editing: false });
  const [notice, setNotice] = useState<NoticeContent>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);

  function edit(group: Group) {
    setDraft({ value: draftOf(group), editing: true });
    setNotice(null);
    formHeading.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }

  function saved(group: Group) {
    setNotice({ tone: "good", lines: [`Saved the group ${group.name}: it sends as ${group.emailAddress}.`] });
    setDraft({ value: emptyDraft(), editing: false });
    reloadGroups();
  }

  return (
    <section className="page settings">
      <div className="page-header">
        <h1>Settings</h1>
      </div>

      <section className="card" aria-labelledby="systems-title">
        <h2 id="systems-title">Secure mailing</h2>
        <p className="muted section-hint">A system that is off offers agents neither Sign nor Encrypt.</p>
        <SystemSwitches />
      </section>

      <section className="card" aria-labelledby="groups-title">
        <h2 id="groups-title">Groups</h2>
        <Notice notice={notice} onDismiss={() => setNotice(null)} />
        {groups.status === "loading" && <Loading what="the groups" />}
        {groups.status === "failed" && <Failure message={groups.message} onRetry={reloadGroups} />}
        {groups.status === "loaded" && (groups.data.length === 0
          ? <Empty>No groups yet. Add one below: agents write from a group, with its address.</Empty>
          : <GroupTable groups={groups.data} onEdit={edit} />)}

        <h3 ref={formHeading} tabIndex={-1}>{draft.editing ? `Edit group ${draft.value.name}` : "Add a group"}</h3>
        <GroupForm draft={draft.value} editing={draft.editing} onSaved={saved}
          onCancel={() => setDraft({ value: emptyDraft(), editing: false })} />
      </section>
    </section>
  );
}
