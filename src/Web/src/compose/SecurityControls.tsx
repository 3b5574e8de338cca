import { useId, type Dispatch } from "react";
import { GlyphSvg, type Glyph } from "../ui/glyphs";
import { StatusIcon } from "../ui/StatusIcon";
import type { PlacedProblems } from "./problemPlacement";
import type { ButtonView, SecurityAction, SecurityState, SecurityView, SystemType } from "./securityState";

const systemNames: Record<SystemType, string> = { SMIME: "S/MIME", PGP: "PGP" };

/** Encrypt and Sign (docs/messages.md#compose), the switch between S/MIME and PGP when both can act, and what will happen. */
export function SecurityControls({ state, view, dispatch, problems }: {
  state: SecurityState;
  view: SecurityView;
  dispatch: Dispatch<SecurityAction>;
  problems: PlacedProblems;
}) {
  const encrypt = useToggleIds();
  const sign = useToggleIds();
  return (
    <div className="security-controls" aria-busy={state.pending}>
      {view.available ? (
        <>
          <div className="security-row">
            <Toggle name="Encrypt" glyph="lock" view={view.encrypt} ids={encrypt} problem={problems.encrypt}
              onToggle={() => dispatch({ type: "toggled", button: "encrypt" })} />
            <Toggle name="Sign" glyph="seal" view={view.sign} ids={sign} problem={problems.sign}
              onToggle={() => dispatch({ type: "toggled", button: "sign" })} />
            {view.showSwitch && view.system && <SystemSwitch acting={view.acting} system={view.system} onChoose={(system) => dispatch({ type: "chose", system })} />}
            {!view.showSwitch && view.system && <span className="muted system-name">with {systemNames[view.system]}</span>}
            {state.pending && <span className="checking muted" aria-hidden="true"><span className="spinner" /> checking keys…</span>}
          </div>
          <Reasons name="Encrypt" view={view.encrypt} ids={encrypt} problem={problems.encrypt} />
          <Reasons name="Sign" view={view.sign} ids={sign} problem={problems.sign} />
        </>
      ) : (
        state.options !== null && (
          <p className="muted">Secure mail is turned off: an admin can turn on S/MIME or PGP in the settings.</p>
        )
      )}
      <OutgoingStatus view={view} />
      {state.failure && <p className="inline-error">The security options could not be checked: {state.failure}</p>}
      {problems.security && <p className="inline-error" role="alert">{problems.security}</p>}
    </div>
  );
}

type ToggleIds = { message: string; problem: string };

function useToggleIds(): ToggleIds {
  const id = useId();
  return { message: `${id}-message`, problem: `${id}-problem` };
}

/** Why a button cannot be used, and a refusal of what it asked for: under the row, each the description of its button. */
function Reasons({ name, view, ids, problem }: { name: string; view: ButtonView; ids: ToggleIds; problem: string | undefined }) {
  if (view.usable && !problem) return null;
  return (
    <>
      {!view.usable && view.message && (
        <p className="toggle-hint"><span aria-hidden="true">{name}: </span><span id={ids.message}>{view.message}</span></p>
      )}
      {problem && <p className="inline-error" role="alert"><span aria-hidden="true">{name}: </span><span id={ids.problem}>{problem}</span></p>}
    </>
  );
}

/**
 * A toggle button that cannot be used keeps its focus and its name, says aria-disabled instead of disabled (which
 * would take it out of the keyboard's way and hide the reason), does not toggle, and is described by the reason.
 */
function Toggle({ name, glyph, view, ids, problem, onToggle }: {
  name: string;
  glyph: Glyph;
  view: ButtonView;
  ids: ToggleIds;
  problem: string | undefined;
  onToggle: () => void;
}) {
  const describedBy = [view.message ? ids.message : null, problem ? ids.problem : null].filter(Boolean).join(" ") || undefined;
  return (
    <span className={view.usable ? "status toggle" : "toggle unusable"}>
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
      {/* A usable button's message (which key will be used) shows on hover and focus; an unusable one's is always shown. */}
      {view.usable && view.message && <span id={ids.message} className="tooltip" role="tooltip">{view.message}</span>}
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
