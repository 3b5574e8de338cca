import { useId, type Dispatch } from "react";
import { GlyphSvg, type Glyph } from "../ui/glyphs";
import { StatusIcon } from "../ui/StatusIcon";
import type { PlacedProblems } from "./problemPlacement";
import type { ButtonView, SecurityAction, SecurityState, SecurityView, SystemType } from "./securityState";

const systemNames: Record<SystemType, string> = { SMIME: "S/MIME", PGP: "PGP" };

/** Encrypt and Sign as the seed shows them, the switch between S/MIME and PGP when both can act, and what will happen. */
export function SecurityControls({ state, view, dispatch, problems }: {
  state: SecurityState;
  view: SecurityView;
  dispatch: Dispatch<SecurityAction>;
  problems: PlacedProblems;
}) {
  const securityProblemId = useId();
  return (
    <div className="security-controls" aria-busy={state.pending}>
      {view.available ? (
        <div className="security-row">
          <Toggle name="Encrypt" glyph="lock" view={view.encrypt} problem={problems.encrypt} onToggle={() => dispatch({ type: "toggled", button: "encrypt" })} />
          <Toggle name="Sign" glyph="seal" view={view.sign} problem={problems.sign} onToggle={() => dispatch({ type: "toggled", button: "sign" })} />
          {view.showSwitch && view.system && <SystemSwitch acting={view.acting} system={view.system} onChoose={(system) => dispatch({ type: "chose", system })} />}
          {!view.showSwitch && view.system && <span className="muted system-name">{systemNames[view.system]}</span>}
          {state.pending && <span className="checking muted" aria-hidden="true"><span className="spinner" /> checking keys…</span>}
        </div>
      ) : (
        state.options !== null && (
          <p className="muted">Secure mail is turned off: an admin can turn on S/MIME or PGP in the settings.</p>
        )
      )}
      <OutgoingStatus view={view} />
      {state.failure && <p className="inline-error">The security options could not be checked: {state.failure}</p>}
      {problems.security && <p className="inline-error" id={securityProblemId} role="alert">{problems.security}</p>}
    </div>
  );
}

/**
 * A toggle button that cannot be used keeps its focus and its name, says aria-disabled instead of disabled (which
 * would take it out of the keyboard's way and hide the reason), does not toggle, and is described by the reason.
 */
function Toggle({ name, glyph, view, problem, onToggle }: {
  name: string;
  glyph: Glyph;
  view: ButtonView;
  problem: string | undefined;
  onToggle: () => void;
}) {
  const messageId = useId();
  const problemId = useId();
  const describedBy = [view.message ? messageId : null, problem ? problemId : null].filter(Boolean).join(" ") || undefined;
  return (
    <span className={`toggle ${view.usable ? "status" : "unusable"}`}>
      <button
        type="button"
        className="button toggle-button"
        aria-pressed={view.pressed}
        aria-disabled={view.usable ? undefined : true}
        aria-describedby={describedBy}
        onClick={() => view.usable && onToggle()}
      >
        <GlyphSvg glyph={glyph} /> {name}
      </button>
      {view.message && (
        <span id={messageId} className={view.usable ? "tooltip" : "toggle-hint"} role={view.usable ? "tooltip" : undefined}>
          {view.message}
        </span>
      )}
      {problem && <span id={problemId} className="inline-error toggle-problem" role="alert">{problem}</span>}
    </span>
  );
}

function SystemSwitch({ acting, system, onChoose }: { acting: SystemType[]; system: SystemType; onChoose: (s: SystemType) => void }) {
  const legendId = useId();
  const name = useId();
  return (
    <fieldset className="system-switch" role="radiogroup" aria-labelledby={legendId}>
      <legend id={legendId}>Security type</legend>
      {acting.map((type) => (
        <label key={type}>
          <input type="radio" name={name} value={type} checked={system === type} onChange={() => onChoose(type)} /> {systemNames[type]}
        </label>
      ))}
    </fieldset>
  );
}

function OutgoingStatus({ view }: { view: SecurityView }) {
  const encrypt = view.encrypt.pressed;
  const sign = view.sign.pressed;
  const system = view.request ? ` (${systemNames[view.request.type]})` : "";
  return (
    <div className="outgoing-status">
      <StatusIcon
        glyph={encrypt ? "lock" : "lock-open"}
        tone={encrypt ? "good" : "neutral"}
        label={encrypt ? "This message will be encrypted" : "This message will not be encrypted"}
        description={encrypt
          ? `Encrypted${system}: even if it is intercepted, only its recipients can read it.`
          : "Anyone who intercepts it on its way can read it."}
      />
      <StatusIcon
        glyph={sign ? "seal" : "seal-broken"}
        tone={sign ? "good" : "neutral"}
        label={sign ? "This message will be signed" : "This message will not be signed"}
        description={sign
          ? `Signed${system}: recipients can verify that it came from you and was not modified.`
          : "Recipients cannot verify that it came from you."}
      />
      <span className="outgoing-words" aria-hidden="true">
        {encrypt ? "Encrypted" : "Not encrypted"} · {sign ? "signed" : "not signed"}
      </span>
    </div>
  );
}
