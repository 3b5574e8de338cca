import { choiceWords, toChoice, type Group, type SystemKey } from "./defaults";

/** Groups with their sending address and, per system, whether Sign and Encrypt start pressed. */
export function GroupTable({ groups, onEdit }: { groups: Group[]; onEdit: (group: Group) => void }) {
  const cell = (group: Group, system: SystemKey, action: "sign" | "encrypt") => {
    const choice = toChoice(group.defaults[system]?.[action]);
    return <td className={`default-${choice}`}>{choiceWords[choice]}</td>;
  };
  return (
    <div className="table-scroll">
      <table className="groups-table">
        <caption className="visually-hidden">Groups and their defaults</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>Name</th>
            <th scope="col" rowSpan={2}>Sending address</th>
            <th scope="colgroup" colSpan={2} className="system-head">S/MIME defaults</th>
            <th scope="colgroup" colSpan={2} className="system-head">PGP defaults</th>
            <th scope="col" rowSpan={2}><span className="visually-hidden">Actions</span></th>
          </tr>
          <tr>
            <th scope="col">Sign</th>
            <th scope="col">Encrypt</th>
            <th scope="col">Sign</th>
            <th scope="col">Encrypt</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.name}>
              <th scope="row">{group.name}</th>
              <td>{group.emailAddress}</td>
              {cell(group, "smime", "sign")}
              {cell(group, "smime", "encrypt")}
              {cell(group, "pgp", "sign")}
              {cell(group, "pgp", "encrypt")}
              <td className="row-actions">
                <button type="button" className="button" onClick={() => onEdit(group)}>Edit</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
