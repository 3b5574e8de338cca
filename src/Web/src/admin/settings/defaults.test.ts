import { describe, expect, it } from "vitest";
import { draftOf, emptyDraft, requestOf, toChoice } from "./defaults";

describe("group defaults", () => {
  it("reads unset as whenever possible, true as on, false as off", () => {
    expect([toChoice(null), toChoice(undefined), toChoice(true), toChoice(false)]).toEqual(["possible", "possible", "on", "off"]);
  });

  it("round-trips a group through the form", () => {
    const group = { name: "Support", emailAddress: "support@example.com",
      defaults: { smime: { sign: true, encrypt: null }, pgp: { sign: null, encrypt: false } } };
    expect(requestOf(draftOf(group))).toEqual({ emailAddress: "support@example.com", defaults: group.defaults });
  });

  it("reads a system the group has no defaults for as whenever possible", () => {
    const draft = draftOf({ name: "Billing", emailAddress: "billing@example.com", defaults: { smime: null, pgp: { sign: true, encrypt: null } } });
    expect(draft.defaults.smime).toEqual({ sign: "possible", encrypt: "possible" });
    expect(draft.defaults.pgp.sign).toBe("on");
  });

  it("trims the address and sends every unset default as null", () => {
    expect(requestOf({ ...emptyDraft(), emailAddress: "  new@example.com " })).toEqual({
      emailAddress: "new@example.com",
      defaults: { smime: { sign: null, encrypt: null }, pgp: { sign: null, encrypt: null } },
    });
  });
});
