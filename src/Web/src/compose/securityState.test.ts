import { describe, expect, it } from "vitest";
import {
  initialSecurity, sameRequest, securityReducer, securityView, type SecurityAction, type SecurityOption, type SecurityState, type SystemType,
} from "./securityState";

type Spec = { sign?: boolean | string; encrypt?: boolean | string; defaults?: { sign: boolean; encrypt: boolean } };

/** An option as the service answers it; a string for sign/encrypt is the message of an impossible button. */
function option(type: SystemType, spec: Spec = {}): SecurityOption {
  const words = type === "SMIME" ? "certificate" : "PGP key";
  const possibility = (value: boolean | string | undefined, found: string): SecurityOption["sign"] => {
    const [possible, message] = typeof value === "string" ? [false, value] : [value ?? true, found];
    const code = possible ? "sign-key-found" : "sign-key-missing";
    return { possible, code, message, addresses: [], reasons: [{ code, message, addresses: [] }] };
  };
  return {
    type,
    sign: possibility(spec.sign, `The ${words} for support@example.com was found.`),
    encrypt: possibility(spec.encrypt, `The ${words} for alice@example.com was found.`),
    defaults: spec.defaults ?? { sign: true, encrypt: true },
  };
}

function run(...actions: SecurityAction[]): SecurityState {
  return actions.reduce(securityReducer, initialSecurity);
}

const answered = (...options: SecurityOption[]): SecurityAction => ({ type: "answered", options });

describe("the composer's Sign and Encrypt", () => {
  it("follow the group's defaults from the answer until the agent changes them", () => {
    const view = securityView(run(answered(option("SMIME", { defaults: { sign: true, encrypt: false } }))));

    expect(view.available).toBe(true);
    expect(view.system).toBe("SMIME");
    expect(view.sign).toEqual({ pressed: true, usable: true, message: "The certificate for support@example.com was found." });
    expect(view.encrypt.pressed).toBe(false);
    expect(view.request).toEqual({ type: "SMIME", sign: true, encrypt: false });
  });

  it("keep the agent's toggles when a new answer arrives for other recipients", () => {
    const toggled = run(answered(option("SMIME")), { type: "toggled", button: "sign" }, { type: "toggled", button: "encrypt" });
    expect(securityView(toggled).request).toBeNull();

    const refreshed = securityView(securityReducer(toggled, answered(option("SMIME", { defaults: { sign: true, encrypt: true } }))));

    expect(refreshed.sign.pressed).toBe(false);
    expect(refreshed.encrypt.pressed).toBe(false);
    expect(refreshed.request).toBeNull();
  });

  it("switch a button off and say why when the new recipients make it impossible, and back on when they no longer do", () => {
    const missing = "The certificate for bob@example.com was not found.";
    const wanted = run(answered(option("SMIME", { defaults: { sign: false, encrypt: false } })), { type: "toggled", button: "encrypt" });
    expect(securityView(wanted).encrypt.pressed).toBe(true);

    const impossible = securityReducer(wanted, answered(option("SMIME", { encrypt: missing, defaults: { sign: false, encrypt: false } })));
    const view = securityView(impossible);

    expect(view.encrypt).toEqual({ pressed: false, usable: false, message: missing });
    expect(view.request).toBeNull();
    expect(securityReducer(impossible, { type: "toggled", button: "encrypt" })).toBe(impossible);
    const possibleAgain = securityReducer(impossible, answered(option("SMIME", { defaults: { sign: false, encrypt: false } })));
    expect(securityView(possibleAgain).encrypt.pressed).toBe(true);
  });

  it("never press a button the group defaults to on but the recipients make impossible", () => {
    const view = securityView(run(answered(option("PGP", { encrypt: "The PGP key for bob@example.com was not found.", defaults: { sign: true, encrypt: true } }))));

    expect(view.encrypt.pressed).toBe(false);
    expect(view.request).toEqual({ type: "PGP", sign: true, encrypt: false });
  });

  it("show the S/MIME/PGP switch only when the recipients use both systems (each can encrypt to all of them)", () => {
    const pgpSignsOnly = option("PGP", { encrypt: "The PGP key for alice@example.com was not found.", defaults: { sign: true, encrypt: false } });
    const onlySmime = securityView(run(answered(option("SMIME"), pgpSignsOnly)));
    expect(onlySmime.showSwitch).toBe(false);
    expect(onlySmime.acting).toEqual(["SMIME"]);
    expect(onlySmime.system).toBe("SMIME");

    const both = securityView(run(answered(option("SMIME", { sign: "The certificate for support@example.com was not found." }), option("PGP"))));
    expect(both.showSwitch).toBe(true);
    expect(both.acting).toEqual(["SMIME", "PGP"]);
    expect(both.system).toBe("SMIME");
  });

  it("prefer the system the recipients use over one that can only sign, whatever the order", () => {
    const smimeSignsOnly = option("SMIME", { encrypt: "The certificate for carol@example.com was not found." });
    const view = securityView(run(answered(smimeSignsOnly, option("PGP"))));

    expect(view.showSwitch).toBe(false);
    expect(view.system).toBe("PGP");
    expect(view.request).toEqual({ type: "PGP", sign: true, encrypt: true });
  });

  it("sign with the first system that can when the recipients use neither", () => {
    const noKey = "The certificate for dave@example.com was not found.";
    const smimeCannotSign = option("SMIME", { sign: "The certificate for support@example.com was not found.", encrypt: noKey });
    const view = securityView(run(answered(smimeCannotSign, option("PGP", { encrypt: "The PGP key for dave@example.com was not found." }))));

    expect(view.showSwitch).toBe(false);
    expect(view.system).toBe("PGP");
    expect(view.request).toEqual({ type: "PGP", sign: true, encrypt: false });
  });

  it("use the system the agent chose, fall back while it cannot act, and return to it when it can again", () => {
    const chosen = run(answered(option("SMIME"), option("PGP", { defaults: { sign: false, encrypt: true } })), { type: "chose", system: "PGP" });
    expect(securityView(chosen).system).toBe("PGP");
    expect(securityView(chosen).request).toEqual({ type: "PGP", sign: false, encrypt: true });

    const pgpGone = securityReducer(chosen, answered(option("SMIME"), option("PGP", { encrypt: "The PGP key for bob@example.com was not found." })));
    expect(securityView(pgpGone).system).toBe("SMIME");
    expect(securityView(pgpGone).showSwitch).toBe(false);

    const pgpBack = securityReducer(pgpGone, answered(option("SMIME"), option("PGP")));
    expect(securityView(pgpBack).system).toBe("PGP");
  });

  it("ignore a choice of a system that is not offered", () => {
    const state = run(answered(option("SMIME")));
    expect(securityReducer(state, { type: "chose", system: "PGP" })).toBe(state);
  });

  it("offer the first system with both buttons unusable when neither can act, and no buttons when both systems are off", () => {
    const neither = securityView(run(answered(option("SMIME", { sign: "s", encrypt: "e" }), option("PGP", { sign: "s", encrypt: "e" }))));
    expect(neither.system).toBe("SMIME");
    expect(neither.showSwitch).toBe(false);
    expect([neither.sign.usable, neither.encrypt.usable, neither.request]).toEqual([false, false, null]);

    const off = securityView(run(answered()));
    expect(off.available).toBe(false);
    expect(off.request).toBeNull();
  });

  it("is pending from the question to its answer, keeps the last answer on a failure, and forgets the toggles once sent", () => {
    const asked = run(answered(option("SMIME")), { type: "toggled", button: "sign" }, { type: "asked" });
    expect(asked.pending).toBe(true);
    const failed = securityReducer(asked, { type: "failed", message: "The service could not be reached." });
    expect([failed.pending, failed.failure, failed.options?.length]).toEqual([false, "The service could not be reached.", 1]);
    const sent = securityReducer(failed, { type: "sent" });
    expect(securityView(sent).sign.pressed).toBe(true);
  });

  it("compare requests by what they ask", () => {
    expect(sameRequest({ type: "PGP", sign: true, encrypt: false }, { type: "PGP", sign: true, encrypt: false })).toBe(true);
    expect(sameRequest({ type: "PGP", sign: true, encrypt: false }, { type: "SMIME", sign: true, encrypt: false })).toBe(false);
    expect(sameRequest(null, { type: "PGP", sign: false, encrypt: true })).toBe(false);
    expect(sameRequest(null, null)).toBe(true);
  });
});
