import { describe, expect, it } from "vitest";
import { alertLine } from "../../../adapters/console/alert.js";
import { localTime } from "../../../adapters/console/time.js";
import { loadConfig } from "../../../config/load.js";
import { makeAlert } from "../../support/fixtures.js";

describe("console times", () => {
  it("are in the configured time zone, with its label", () => {
    expect(localTime("2026-11-26T09:30:05.000Z", "Asia/Tokyo")).toBe("2026-11-26 18:30 GMT+9");
    expect(localTime("2026-11-26T09:30:05.000Z", "UTC", true)).toBe("2026-11-26 09:30:05 UTC");
    expect(alertLine(makeAlert(1, { published: "2026-11-26T23:30:00.000Z", jurisdictions: ["JP"] }), "Asia/Tokyo")).toMatch(/^2026-11-27 08:30 GMT\+9  \[JP\] Regulator notice 1 \(Test feed\)/);
  });
});
