import { describe, expect, it } from "vitest";
import { selfLockout } from "./roles";

describe("what an admin may not do to their own account", () => {
  it("keeps them from disabling it and from giving up its admin role", () => {
    expect(selfLockout({ name: "Admin" }, "admin", "disable")).toMatch(/your own account/);
    expect(selfLockout({ name: "admin" }, "admin", { revoke: "admin" })).toMatch(/admin role/);
  });

  it("lets them drop their other roles, and change any other account", () => {
    expect(selfLockout({ name: "admin" }, "admin", { revoke: "auditor" })).toBeNull();
    expect(selfLockout({ name: "alice" }, "admin", "disable")).toBeNull();
    expect(selfLockout({ name: "alice" }, "admin", { revoke: "admin" })).toBeNull();
  });

  it("guards nothing when no one is signed in by name (a bearer token)", () => {
    expect(selfLockout({ name: "admin" }, null, "disable")).toBeNull();
  });
});
