import { Fragment, useId } from "react";
import type { Schemas } from "../../api/client";
import { formatDate } from "../../ui/time";
import { accountRoles, selfLockout } from "./roles";

type User = Schemas["UserView"];
export type UserChange = { kind: "grant" | "revoke"; role: string } | { kind: "disable" | "enable" };

/** Accounts, each row named by the account's name: its roles as checkboxes, its state, and what can be done to it. */
export function UserTable({ users, signedInAs, busy, onChange, onSetPassword }: {
  users: User[];
  signedInAs: string | null;
  busy: string | null;
  onChange: (user: User, change: UserChange) => void;
  onSetPassword: (user: User) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="users-table">
        <caption className="visually-hidden">Accounts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Roles</th>
            <th scope="col">State</th>
            <th scope="col">Created</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} signedInAs={signedInAs} busy={busy === user.name}
              onChange={(change) => onChange(user, change)} onSetPassword={() => onSetPassword(user)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserRow({ user, signedInAs, busy, onChange, onSetPassword }: {
  user: User; signedInAs: string | null; busy: boolean; onChange: (change: UserChange) => void; onSetPassword: () => void;
}) {
  const lockoutId = useId();
  const disableLockout = selfLockout(user, signedInAs, "disable");
  return (
    <tr aria-busy={busy || undefined} className={user.disabled ? "disabled-account" : undefined}>
      <th scope="row">
        {user.name}
        {signedInAs && user.name.toLowerCase() === signedInAs.toLowerCase() && <span className="muted you"> (you)</span>}
      </th>
      <td>
        <fieldset className="role-boxes">
          <legend className="visually-hidden">Roles of {user.name}</legend>
          {accountRoles.map(({ role }) => {
            const held = user.roles.includes(role);
            const lockout = held ? selfLockout(user, signedInAs, { revoke: role }) : null;
            return (
              <Fragment key={role}>
                <label className="role-box">
                  <input type="checkbox" checked={held} aria-disabled={lockout || busy ? true : undefined}
                    aria-describedby={lockout ? `${lockoutId}-${role}` : undefined}
                    onChange={() => !lockout && !busy && onChange({ kind: held ? "revoke" : "grant", role })} />
                  {role}
                </label>
                {lockout && <span id={`${lockoutId}-${role}`} className="visually-hidden">{lockout}</span>}
              </Fragment>
            );
          })}
        </fieldset>
      </td>
      <td>{user.disabled ? <span className="badge bad">Disabled</span> : <span className="badge good">Active</span>}</td>
      <td>{formatDate(user.createdAt)}</td>
      <td className="row-actions">
        <div className="row-buttons">
          <button type="button" className="button" onClick={onSetPassword}>Set password</button>
          {user.disabled
            ? <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => !busy && onChange({ kind: "enable" })}>Enable</button>
            : <button type="button" className="button danger" aria-disabled={disableLockout || busy ? true : undefined}
                aria-describedby={disableLockout ? `${lockoutId}-disable` : undefined}
                title={disableLockout ?? undefined}
                onClick={() => !disableLockout && !busy && onChange({ kind: "disable" })}>Disable</button>}
          {disableLockout && <span id={`${lockoutId}-disable`} className="visually-hidden">{disableLockout}</span>}
        </div>
      </td>
    </tr>
  );
}
