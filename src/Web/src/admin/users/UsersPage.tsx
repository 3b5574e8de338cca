import { useState } from "react";
import { api, describeProblem, type Schemas } from "../../api/client";
import { useSession } from "../../session/session";
import { Notice, type NoticeContent } from "../../ui/Notice";
import { Empty, Failure, Loading } from "../../ui/states";
import { useLoad } from "../../ui/useLoad";
import "../../ui/utilities.css";
import { AddUserForm } from "./AddUserForm";
import { PasswordDialog } from "./PasswordDialog";
import { UserTable, type UserChange } from "./UserTable";
import "./users.css";

type User = Schemas["UserView"];

function send(user: User, change: UserChange) {
  const name = { path: { name: user.name } };
  switch (change.kind) {
    case "grant": return api.PUT("/api/v1/users/{name}/roles/{role}", { params: { path: { name: user.name, role: change.role } } });
    case "revoke": return api.DELETE("/api/v1/users/{name}/roles/{role}", { params: { path: { name: user.name, role: change.role } } });
    case "disable": return api.POST("/api/v1/users/{name}/disable", { params: name });
    case "enable": return api.POST("/api/v1/users/{name}/enable", { params: name });
  }
}

function said(user: User, change: UserChange): string {
  switch (change.kind) {
    case "grant": return `${user.name} now has the role ${change.role}.`;
    case "revoke": return `${user.name} no longer has the role ${change.role}.`;
    case "disable": return `${user.name} is disabled: their sessions end and they cannot sign in.`;
    case "enable": return `${user.name} is enabled again.`;
  }
}

function expected(user: User, change: UserChange): User {
  switch (change.kind) {
    case "grant": return { ...user, roles: [...user.roles, change.role] };
    case "revoke": return { ...user, roles: user.roles.filter((r) => r !== change.role) };
    case "disable": return { ...user, disabled: true };
    case "enable": return { ...user, disabled: false };
  }
}

/** Accounts of people: who may sign in, with which roles. */
export function UsersPage() {
  const session = useSession();
  const signedInAs = session.state.status === "signed-in" ? session.state.user.name : null;
  const [users, reload] = useLoad(() => api.GET("/api/v1/users"), []);
  const [updated, setUpdated] = useState<Record<string, User>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeContent>(null);
  const [settingPassword, setSettingPassword] = useState<string | null>(null);

  /** Shown at once, as a checkbox is expected to behave; the service's answer replaces it, a refusal puts it back. */
  async function change(user: User, what: UserChange) {
    if (busy) return;
    setBusy(user.name);
    setUpdated((u) => ({ ...u, [user.name]: expected(user, what) }));
    const undo = (message: string) => {
      setUpdated((u) => ({ ...u, [user.name]: user }));
      setNotice({ tone: "bad", lines: [`${user.name} was not changed: ${message}`] });
    };
    try {
      const { data, error, response } = await send(user, what);
      if (data) {
        setUpdated((u) => ({ ...u, [user.name]: data }));
        setNotice({ tone: "good", lines: [said(data, what)] });
      } else undo(describeProblem(error, response));
    } catch {
      undo("the service could not be reached.");
    } finally {
      setBusy(null);
    }
  }

  function added(user: User) {
    setNotice({ tone: "good", lines: [`Added the account ${user.name} with the role ${user.roles.join(", ")}.`] });
    setUpdated({});
    reload();
  }

  return (
    <section className="page users">
      <div className="page-header">
        <h1>Users</h1>
      </div>
      <section className="card" aria-labelledby="accounts-title">
        <h2 id="accounts-title">Accounts</h2>
        <Notice notice={notice} onDismiss={() => setNotice(null)} />
        {users.status === "loading" && <Loading what="the accounts" />}
        {users.status === "failed" && <Failure message={users.message} onRetry={reload} />}
        {users.status === "loaded" && (users.data.length === 0
          ? <Empty>No accounts yet.</Empty>
          : <UserTable users={users.data.map((u) => updated[u.name] ?? u)} signedInAs={signedInAs} busy={busy}
              onChange={change} onSetPassword={(user) => setSettingPassword(user.name)} />)}
      </section>
      <section className="card" aria-labelledby="add-title">
        <h2 id="add-title">Add an account</h2>
        <AddUserForm onAdded={added} />
      </section>
      <PasswordDialog name={settingPassword} onClose={() => setSettingPassword(null)}
        onSet={(name) => {
          setSettingPassword(null);
          setNotice({ tone: "good", lines: [`Set a new password for ${name}: their sessions end.`] });
        }} />
    </section>
  );
}
