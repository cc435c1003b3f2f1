import { describe, expect, it } from "vitest";
import { parseFeedDate } from "../../../src/feeds/dates.js";

describe("parseFeedDate: dates already read", () => {
  const dates: Array<[string, string | null]> = [
    ["Tue, 24 Nov 2026 10:00:00 GMT", "2026-11-24T10:00:00.000Z"],
    ["Seg, 24 Set 2018 19:42:40 -0300", "2018-09-24T22:42:40.000Z"],
    ["2026-11-24T10:00:00+09:00", "2026-11-24T01:00:00.000Z"],
    ["31 Feb 2026 10:00 GMT", null],
    ["  ", null],
    ["September 24, 2018 7:42 PM GMT", "2018-09-24T19:42:00.000Z"],
  ];

  it("read the same the second time, and after thousands of others have filled the memory", () => {
    const first = dates.map(([text]) => parseFeedDate(text));
    expect(first).toEqual(dates.map(([, iso]) => iso));
    expect(dates.map(([text]) => parseFeedDate(text))).toEqual(first);
    for (let minute = 0; minute < 10_000; minute++) parseFeedDate(new Date(Date.UTC(2026, 0, 1, 0, minute)).toUTCString());
    expect(dates.map(([text]) => parseFeedDate(text))).toEqual(first);
  });

  it("reads a zone-less date in the zone of the moment, not the zone of its first reading", () => {
    const text = "September 24, 2018 7:42 PM";
    const zone = process.env.TZ;
    try {
      process.env.TZ = "UTC";
      expect(parseFeedDate(text)).toBe("2018-09-24T19:42:00.000Z");
      process.env.TZ = "Asia/Tokyo";
      expect(parseFeedDate(text)).toBe("2018-09-24T10:42:00.000Z");
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
