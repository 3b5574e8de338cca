import { describe, expect, it } from "vitest";
import { describeAlert, type KeystoreAlert } from "./alerts";

const alert = (over: Partial<KeystoreAlert>): KeystoreAlert => ({
  code: "group-key-expiring", severity: "critical", system: "SMIME", subject: "CN=Support", fingerprint: "ab",
  emails: ["support@example.com"], groups: ["Support"], expiresAt: null, nextUpdate: null, message: "…", ...over,
});

describe("describeAlert", () => {
  const now = new Date("2026-12-03T12:00:00Z");

  it("says a key that has ended expired, and one that has not expires", () => {
    expect(describeAlert(alert({ code: "group-key-expired", expiresAt: "2026-12-01T00:00:00Z" }), now).when).toMatch(/^Expired /);
    expect(describeAlert(alert({ expiresAt: "2026-12-08T00:00:00Z" }), now)).toMatchObject({ title: "A group's key expires soon" });
    expect(describeAlert(alert({ expiresAt: "2026-12-08T00:00:00Z" }), now).when).toMatch(/^Expires /);
  });

  it("dates a stale CRL by its missed next update", () => {
    const stale = describeAlert(alert({ code: "crl-stale", severity: "warning", nextUpdate: "2026-12-02T00:00:00Z" }), now);
    expect(stale.title).toBe("A CRL is out of date");
    expect(stale.when).toMatch(/^Next update was due /);
  });
});
