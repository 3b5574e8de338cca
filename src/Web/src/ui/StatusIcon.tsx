import { useId } from "react";
import { GlyphSvg, type Glyph } from "./glyphs";

export type Tone = "good" | "bad" | "neutral" | "warn";

/**
 * A security status as screen readers and tests meet it: role="img" named by `label`, described by `description`,
 * which is also shown as a tooltip on hover and on keyboard focus (the icon is focusable for that reason).
 */
export function StatusIcon({ glyph, label, description, tone }: { glyph: Glyph; label: string; description?: string; tone: Tone }) {
  const id = useId();
  return (
    <span className={`status tone-${tone}`}>
      <span className="status-icon" role="img" aria-label={label} aria-describedby={description ? id : undefined} tabIndex={0}>
        <GlyphSvg glyph={glyph} />
      </span>
      {description && <span role="tooltip" id={id} className="tooltip">{description}</span>}
    </span>
  );
}
