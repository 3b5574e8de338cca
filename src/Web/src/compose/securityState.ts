import type { Schemas } from "../api/client";

export type SecurityOption = Schemas["SecurityOption"];
export type SystemType = SecurityOption["type"];
export type Button = "sign" | "encrypt";

/**
 * What the composer knows about Sign and Encrypt: the service's latest answer for the recipients, and what the agent
 * chose. The agent's choices are kept apart from the answer, so a new answer (recipients changed) never loses them,
 * and a button the answer makes impossible is off without forgetting that the agent wanted it on.
 */
export type SecurityState = {
  /** null until the first answer; [] when both systems are off. */
  options: SecurityOption[] | null;
  /** The recipients changed and their answer has not arrived yet. */
  pending: boolean;
  failure: string | null;
  chosenSystem: SystemType | null;
  /** The agent's own choice; null follows the group's defaults (the answer's "defaults"). */
  sign: boolean | null;
  encrypt: boolean | null;
};

export type SecurityAction =
  | { type: "asked" }
  | { type: "answered"; options: SecurityOption[] }
  | { type: "failed"; message: string }
  | { type: "toggled"; button: Button }
  | { type: "chose"; system: SystemType }
  | { type: "sent" };

export const initialSecurity: SecurityState = { options: null, pending: true, failure: null, chosenSystem: null, sign: null, encrypt: null };

export function securityReducer(state: SecurityState, action: SecurityAction): SecurityState {
  switch (action.type) {
    case "asked":
      return state.pending ? state : { ...state, pending: true };
    case "answered":
      return { ...state, options: action.options, pending: false, failure: null };
    case "failed":
      return { ...state, pending: false, failure: action.message };
    case "toggled": {
      const button = securityView(state)[action.button];
      // A button that cannot be used does not toggle: it stays off, focusable, and says why.
      if (!button.usable) return state;
      return { ...state, [action.button]: !button.pressed };
    }
    case "chose":
      return state.options?.some((o) => o.type === action.system) ? { ...state, chosenSystem: action.system } : state;
    case "sent":
      return { ...state, sign: null, encrypt: null };
  }
}

export type ButtonView = { pressed: boolean; usable: boolean; message: string | null };

export type SecurityView = {
  /** false when no system is on (or no answer yet): there are no Encrypt and Sign buttons to show. */
  available: boolean;
  /** The systems that can act for these recipients (see canAct), S/MIME first. */
  acting: SystemType[];
  /** Both systems can act: the agent picks one. */
  showSwitch: boolean;
  system: SystemType | null;
  sign: ButtonView;
  encrypt: ButtonView;
  /** What compose is asked for: null means no security at all. */
  request: { type: SystemType; sign: boolean; encrypt: boolean } | null;
};

/**
 * A system "can act" for these recipients when it can encrypt to every one of them: the recipients use it ("a
 * customer who uses both", docs/messages.md#compose). Signing depends on the group's key only, never on the
 * recipients, so it does not make a system one the recipients use.
 */
export function canAct(option: SecurityOption): boolean {
  return option.encrypt.possible;
}

const off: ButtonView = { pressed: false, usable: false, message: null };

export function securityView(state: SecurityState): SecurityView {
  const options = state.options ?? [];
  const acting = options.filter(canAct).map((o) => o.type);
  // The agent's choice while the recipients use it; else the first the recipients use; else the first that can at
  // least sign (S/MIME first); else the first, whose buttons then say why they cannot be used.
  const system =
    (state.chosenSystem && acting.includes(state.chosenSystem) ? state.chosenSystem : null) ??
    acting[0] ?? options.find((o) => o.sign.possible)?.type ?? options[0]?.type ?? null;
  const option = options.find((o) => o.type === system);
  if (!option) return { available: false, acting, showSwitch: false, system: null, sign: off, encrypt: off, request: null };
  const sign = button(option, "sign", state.sign);
  const encrypt = button(option, "encrypt", state.encrypt);
  return {
    available: true,
    acting,
    showSwitch: acting.length > 1,
    system,
    sign,
    encrypt,
    request: sign.pressed || encrypt.pressed ? { type: option.type, sign: sign.pressed, encrypt: encrypt.pressed } : null,
  };
}

function button(option: SecurityOption, which: Button, chosen: boolean | null): ButtonView {
  const possibility = option[which];
  return {
    pressed: possibility.possible && (chosen ?? option.defaults[which]),
    usable: possibility.possible,
    message: possibility.message,
  };
}

/** Two requests ask for the same thing (a fresh answer at send time must not change what the agent saw). */
export function sameRequest(a: SecurityView["request"], b: SecurityView["request"]): boolean {
  return a === b || (a !== null && b !== null && a.type === b.type && a.sign === b.sign && a.encrypt === b.encrypt);
}
