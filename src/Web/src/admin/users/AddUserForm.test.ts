import { describe, expect, it } from "vitest";
import { fieldOf } from "./AddUserForm";

describe("where a refused account is said", () => {
  it("puts a taken name by the name", () => {
    expect(fieldOf(409, "The name agnes is taken.")).toBe("name");
  });

  it("puts each 422 rule by the field it names", () => {
    expect(fieldOf(422, "A password needs at least 12 characters.")).toBe("password");
    expect(fieldOf(422, "The role must be one of: admin, agent, auditor.")).toBe("role");
    expect(fieldOf(422, "A name may hold letters, digits and . _ - @ only.")).toBe("name");
  });

  it("leaves anything else below the form", () => {
    expect(fieldOf(422, "Something else went wrong.")).toBeNull();
    expect(fieldOf(403, "The anti-forgery header X-CSRF-Token is missing or invalid.")).toBeNull();
  });
});
