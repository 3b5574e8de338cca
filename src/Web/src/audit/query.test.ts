import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isoToLocal, localToIso, matches, noFilters, parsePins, toEventRequest, type LoggedEvent } from "./query";

// Local times are the reader's: the tests read them in a zone an hour off UTC, so a forgotten conversion shows.
beforeAll(() => { vi.stubEnv("TZ", "Europe/Berlin"); });
afterAll(() => { vi.unstubAllEnvs(); });

const stream = "01a23b28-65f8-71a0-8600-e5cff6400c8e";

describe("the audit filters as a request", () => {
  it("asks the log for a page after a sequence, with nothing it was not given", () => {
    expect(toEventRequest(noFilters, 0)).toEqual({ kind: "log", query: { after: 0, limit: 50 } });
  });

  it("joins the types without blanks, and turns local times into instants", () => {
    const request = toEventRequest({ ...noFilters, types: " certificate_imported, ,pgp_key_imported ", from: "2026-12-03T10:00", to: "2026-12-03T11:30:15", pageSize: 50 }, 300);
    expect(request).toEqual({ kind: "log", query: { after: 300, limit: 50, type: "certificate_imported,pgp_key_imported",
      from: "2026-12-03T09:00:00.000Z", to: "2026-12-03T10:30:15.000Z" } });
  });

  it("reads one stream when a stream id is given, keeping the filters to apply to it", () => {
    expect(toEventRequest({ ...noFilters, stream: ` ${stream.toUpperCase()} `, types: "ticket_opened", from: "2026-12-03T10:00" }, 0))
      .toEqual({ kind: "stream", id: stream, types: ["ticket_opened"], range: { from: "2026-12-03T09:00:00.000Z" } });
  });

  it("refuses a stream that is not an id and a range that ends before it starts", () => {
    expect(toEventRequest({ ...noFilters, stream: "Support" }, 0)).toMatchObject({ kind: "invalid", field: "stream" });
    expect(toEventRequest({ ...noFilters, from: "2026-12-03T10:00", to: "2026-12-03T10:00" }, 0))
      .toEqual({ kind: "invalid", field: "to", message: "The end must come after the start." });
    expect(toEventRequest({ ...noFilters, from: "yesterday" }, 0)).toMatchObject({ kind: "invalid", field: "from" });
  });
});

describe("local date-times", () => {
  it("round-trips an instant through the reader's time zone", () => {
    expect(isoToLocal("2026-12-03T09:07:13.159Z")).toBe("2026-12-03T10:07:13");
    expect(localToIso("2026-12-03T10:07:13")).toBe("2026-12-03T09:07:13.000Z");
    expect(localToIso("  ")).toBe("");
  });
});

describe("a stream's events filtered as the log would be", () => {
  const event = (type: string, timestamp: string): LoggedEvent =>
    ({ sequence: 1, streamId: stream, version: 1, type, timestamp, actor: null, data: {} });

  it("keeps any of the types, and times from the start up to but not including the end", () => {
    const range = { from: "2026-12-03T09:00:00.000Z", to: "2026-12-03T10:00:00.000Z" };
    expect(matches(event("ticket_opened", "2026-12-03T09:00:00Z"), ["ticket_opened", "article_received"], range)).toBe(true);
    expect(matches(event("ticket_opened", "2026-12-03T10:00:00Z"), [], range)).toBe(false);
    expect(matches(event("ticket_opened", "2026-12-03T08:59:59Z"), [], range)).toBe(false);
    expect(matches(event("article_received", "2026-12-03T09:30:00Z"), ["ticket_opened"], {})).toBe(false);
  });
});

describe("pinned checkpoints", () => {
  const hash = "5aca4a0ce2a3655b273f4621220d8dd2f00ccacf13431403f0d61c548858646e";

  it("reads SEQUENCE:HASH lines, skipping blank ones", () => {
    expect(parsePins(`1000:${hash.toUpperCase()}\n\n 2000 ${hash} `)).toEqual([{ sequence: 1000, hash }, { sequence: 2000, hash }]);
  });

  it("names the line it cannot read", () => {
    expect(parsePins(`1000:${hash}\n2000:abc`)).toEqual({ error: "Line 2 is not SEQUENCE:HASH (a sequence number and a hash of 64 hex digits)." });
  });
});
