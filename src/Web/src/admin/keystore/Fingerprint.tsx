import { fingerprintLines } from "../../ui/fingerprint";

/** A fingerprint in groups of four, monospace, a few groups a line; the lines are separated by a space for screen readers. */
export function Fingerprint({ value }: { value: string }) {
  const lines = fingerprintLines(value);
  return (
    <span className="fingerprint mono">
      {lines.map((line, i) => (
        <span key={i} className="fingerprint-line">{i > 0 && " "}{line}</span>
      ))}
    </span>
  );
}
