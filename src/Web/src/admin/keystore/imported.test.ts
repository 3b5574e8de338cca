import { describe, expect, it } from "vitest";
import { downloadName } from "./download";
import { describeImported } from "./imported";

describe("what an import says", () => {
  const names: Record<string, string> = { "7DD2B09B": "CN=Alice" };

  it("names each imported entry with its status and grouped fingerprint", () => {
    expect(describeImported([{ fingerprint: "7dd2b09b", status: "privateKeyImported" }], (fp) => names[fp]))
      .toEqual(["CN=Alice: private key imported (7DD2 B09B)."]);
  });

  it("falls back to the fingerprint, and keeps a status it does not know", () => {
    expect(describeImported([{ fingerprint: "aabbccdd", status: "imported" }, { fingerprint: "aabbccdd", status: "somethingNew" }], () => undefined))
      .toEqual(["AABB CCDD: imported.", "AABB CCDD: somethingNew."]);
  });
});

describe("download file names", () => {
  it("uses the common name, wherever it stands in the subject", () => {
    expect(downloadName("O=Example,CN=Bob Builder", "bd0f14a3", "pem")).toBe("Bob-Builder.pem");
    expect(downloadName("CN=Alice", "7dd2", "pem")).toBe("Alice.pem");
  });

  it("uses a user ID's name without its address", () => {
    expect(downloadName("Support Team <support@example.com>", "335B", "asc")).toBe("Support-Team.asc");
  });

  it("falls back to the fingerprint when nothing usable is left", () => {
    expect(downloadName("<bob@example.com>", "335b2dfd6a6f9391f4a5a7927223da84", "asc")).toBe("335B2DFD6A6F9391.asc");
    expect(downloadName(null, "aa:bb", "pem")).toBe("AABB.pem");
  });
});
