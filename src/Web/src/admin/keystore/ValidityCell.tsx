import { formatDate } from "../../ui/time";
import { expiringSoonDays, validityAt } from "./validity";

/** Valid from–to, with a badge when it has expired, expires within a month, or is not valid yet. */
export function ValidityCell({ from, to, expired, now }: { from: string; to: string | null; expired: boolean; now: Date }) {
  const validity = validityAt(from, to, expired, now);
  return (
    <>
      <span className="validity"><span className="date">{formatDate(from)}</span> – <span className="date">{to ? formatDate(to) : "no expiry"}</span></span>
      {validity.state === "expired" && <span className="badge bad">Expired</span>}
      {validity.state === "expiring-soon" && (
        <>
          <span className="badge warn" title={`Expires within ${expiringSoonDays} days`}>Expiring soon</span>{" "}
          <span className="days-left">{validity.daysLeft === 1 ? "1 day left" : `${validity.daysLeft} days left`}</span>
        </>
      )}
      {validity.state === "not-yet-valid" && <span className="badge warn">Not valid yet</span>}
    </>
  );
}

export function YesNo({ value }: { value: boolean }) {
  return <span className={value ? "yes" : "no muted"}>{value ? "Yes" : "No"}</span>;
}
