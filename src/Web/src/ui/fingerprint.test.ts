import { describe, expect, it } from "vitest";
import { fingerprintGroups, fingerprintLines, groupFingerprint, normalizeFingerprint } from "./fingerprint";

const sha256 = "7dd2b09b1190a174bab6265903da8bcbbe46c9b26ec11c00a7eb05063d814d94";
const pgpV4 = "335B2DFD6A6F9391F4A5A7927223DA84FCC8FD60";

describe("fingerprints for reading aloud", () => {
  it("reads colons, spaces and either case as the same hex", () => {
    expect(normalizeFingerprint("7d:d2:B0 9b")).toBe("7DD2B09B");
  });

  it("groups the digits in fours", () => {
    expect(fingerprintGroups(pgpV4)).toEqual(["335B", "2DFD", "6A6F", "9391", "F4A5", "A792", "7223", "DA84", "FCC8", "FD60"]);
  });

  it("puts a SHA-256 fingerprint on four lines of four groups", () => {
    expect(fingerprintLines(sha256)).toEqual([
      "7DD2 B09B 1190 A174",
      "BAB6 2659 03DA 8BCB",
      "BE46 C9B2 6EC1 1C00",
      "A7EB 0506 3D81 4D94",
    ]);
  });

  it("puts a PGP v4 fingerprint on two lines of five groups, as gpg prints it", () => {
    expect(fingerprintLines(pgpV4)).toEqual(["335B 2DFD 6A6F 9391 F4A5", "A792 7223 DA84 FCC8 FD60"]);
  });

  it("quotes the groups on one line", () => {
    expect(groupFingerprint("7d:d2:b0:9b:11")).toBe("7DD2 B09B 11");
  });

  it("keeps a short key ID on one line and gives nothing for nothing", () => {
    expect(fingerprintLines("7223DA84FCC8FD60")).toEqual(["7223 DA84 FCC8 FD60"]);
    expect(fingerprintLines("")).toEqual([]);
  });
});
