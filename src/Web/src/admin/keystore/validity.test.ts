import { describe, expect, it } from "vitest";
import { validityAt } from "./validity";

const now = new Date("2026-12-03T12:00:00Z");

describe("validity at a moment", () => {
  it("is valid when the end is more than 30 days away", () => {
    expect(validityAt("2026-01-01T00:00:00Z", "2027-12-03T00:00:00Z", false, now)).toEqual({ state: "valid" });
  });

  it("is expiring soon within 30 days, counting the days left", () => {
    expect(validityAt("2026-01-01T00:00:00Z", "2026-12-23T09:00:00Z", false, now)).toEqual({ state: "expiring-soon", daysLeft: 20 });
    expect(validityAt("2026-01-01T00:00:00Z", "2027-01-02T12:00:00Z", false, now)).toEqual({ state: "expiring-soon", daysLeft: 30 });
  });

  it("is not expiring soon 31 days ahead", () => {
    expect(validityAt("2026-01-01T00:00:00Z", "2027-01-03T12:00:00Z", false, now).state).toBe("valid");
  });

  it("is expired once the end has passed, or when the service says so", () => {
    expect(validityAt("2025-01-01T00:00:00Z", "2025-06-01T00:00:00Z", false, now))
      .toEqual({ state: "expired", since: new Date("2025-06-01T00:00:00Z") });
    expect(validityAt("2026-01-01T00:00:00Z", "2027-12-03T00:00:00Z", true, now).state).toBe("expired");
  });

  it("is not valid yet before its start", () => {
    expect(validityAt("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z", false, now).state).toBe("not-yet-valid");
  });

  it("has no expiry when there is no end (a PGP key without one)", () => {
    expect(validityAt("2026-01-01T00:00:00Z", null, false, now)).toEqual({ state: "no-expiry" });
  });
});
