import { describe, expect, it } from "vitest";
import { isRunning, lagWords, rebuildProgress, type Rebuild } from "./rebuild";

const rebuild = (fields: Partial<Rebuild>): Rebuild => ({
  id: "TicketDetails", state: "running", requestedBy: "admin", requestedAt: "2026-12-03T09:00:00Z",
  streamsTotal: 0, streamsRebuilt: 0, eventsTotal: 0, eventsApplied: 0, documentsRepaired: 0, passes: 0, ...fields,
});

describe("read model status in words", () => {
  it("says up to date at no lag, and counts the events behind otherwise", () => {
    expect(lagWords(0)).toBe("Up to date");
    expect(lagWords("1")).toBe("1 event behind");
    expect(lagWords(1200)).toBe(`${(1200).toLocaleString()} events behind`);
  });

  it("measures a rebuild by its events, once their number is known", () => {
    expect(rebuildProgress(rebuild({ eventsTotal: 200, eventsApplied: 50, streamsTotal: 4, streamsRebuilt: 1 })))
      .toEqual({ share: 0.25, done: "50 of 200 events, 1 of 4 streams" });
    expect(rebuildProgress(rebuild({ state: "requested" })).share).toBeNull();
  });

  it("names repaired documents and later passes", () => {
    expect(rebuildProgress(rebuild({ eventsTotal: 10, eventsApplied: 10, streamsTotal: 1, streamsRebuilt: 1, documentsRepaired: 2, passes: 3 })).done)
      .toBe("10 of 10 events, 1 of 1 stream, 2 documents repaired, 3 passes");
  });

  it("runs while requested or running, not once completed or failed", () => {
    expect([isRunning(rebuild({ state: "requested" })), isRunning(rebuild({})), isRunning(rebuild({ state: "completed" })),
      isRunning(rebuild({ state: "failed" })), isRunning(null)]).toEqual([true, true, false, false, false]);
  });
});
