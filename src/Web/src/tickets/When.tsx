import { formatMoment, relativeTime } from "../ui/time";

/** A moment both ways: how long ago, and the date and time it was. */
export function When({ at }: { at: string }) {
  return (
    <span className="when">
      <time dateTime={at}>{relativeTime(at)}</time>
      <span className="muted"> · {formatMoment(at)}</span>
    </span>
  );
}
