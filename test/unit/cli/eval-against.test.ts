import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { evalCommand } from "../../../src/cli/eval.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-eval-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

const labelled = file("first.json", [
  { id: "a", title: "SEC fines crypto exchange", text: "The SEC fined an exchange $5 million.", policy: true, jurisdictions: ["US"], topics: ["enforcement"] },
  { id: "b", title: "Bitcoin rises 5%", text: "Bitcoin rose 5% on Monday.", policy: false, jurisdictions: [], topics: [] },
  { id: "c", title: "Japan's FSA registers an exchange", text: "The FSA registered a crypto exchange.", policy: true, jurisdictions: ["JP"], topics: ["exchange-licensing"] },
  { id: "d", title: "Not labelled twice", text: "Only in the first file.", policy: false, jurisdictions: [], topics: [] },
]);

async function run(...args: string[]): Promise<{ json: Record<string, any>; text: string }> {
  let out = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  try {
    await evalCommand().parseAsync(args, { from: "user" });
  } finally {
    write.mockRestore();
  }
  return { json: args.includes("--json") ? JSON.parse(out) : {}, text: out };
}

describe("eval --against: a second labeller scored with the analysis's measures", () => {
  it("scores the second labels on the items both files share", async () => {
    const second = file("second.json", [
      { id: "a", policy: true, jurisdictions: ["US"], topics: ["enforcement", "aml"] },
      { id: "b", policy: true, jurisdictions: ["US"], topics: ["other"] },
      { id: "c", policy: true, jurisdictions: ["JP"], topics: ["exchange-licensing"] },
    ]);
    const { json } = await run(labelled, "--against", second, "--json");
    expect(json.whole.items).toBe(3);
    expect(json.whole.policyAccuracy).toBeCloseTo(2 / 3);
    expect(json.whole.jurisdictionExactMatch).toBe(1);
    // Topics of the two policy items: 2 agreed, 1 extra ("aml").
    expect(json.whole.topicF1).toBeCloseTo(0.8);
  });

  it("says which file stands in for the analysis", async () => {
    const second = file("same.json", [{ id: "a", policy: true, jurisdictions: ["US"], topics: ["enforcement"] }]);
    const { text } = await run(labelled, "--against", second);
    expect(text.split("\n")[0]).toContain("scored as if it were the analysis");
    expect(text).toMatch(/policy accuracy\s+1\.000/);
  });

  it("refuses labels without ids, or sharing none, in one line", async () => {
    const noIds = file("no-ids.json", [{ policy: true, jurisdictions: [], topics: [] }]);
    await expect(run(labelled, "--against", noIds)).rejects.toThrow(/item 1 needs id, policy, jurisdictions and topics/);
    const others = file("others.json", [{ id: "zz", policy: false, jurisdictions: [], topics: [] }]);
    await expect(run(labelled, "--against", others)).rejects.toThrow(/no item shares an id/);
  });
});

describe("eval refuses labels the analysis can never give", () => {
  it("names every topic outside the list and every code that is not a jurisdiction, in one line", async () => {
    const slips = file("slips.json", [
      { id: "x1", title: "A law", text: "Parliament passed a law.", policy: true, jurisdictions: ["UK"], topics: ["legislation", "stablecoin"] },
      { id: "x2", title: "Rates", text: "The bank kept rates.", policy: true, jurisdictions: ["us", "INT"], topics: ["monetary-policy"] },
    ]);
    const error = await run(slips).then(() => undefined, (e: Error) => e);
    expect(error?.message.split("\n")).toHaveLength(1);
    expect(error?.message).toContain("3 labels outside the vocabulary");
    expect(error?.message).toContain('x1 topic "legislation"');
    expect(error?.message).toContain('x1 jurisdiction "UK"');
    expect(error?.message).toContain('x2 jurisdiction "us"');
    expect(error?.message).not.toContain('"INT"');
  });

  it("checks the second labeller's file the same way", async () => {
    const second = file("second-slip.json", [{ id: "a", policy: true, jurisdictions: ["US"], topics: ["fines"] }]);
    await expect(run(labelled, "--against", second)).rejects.toThrow(/1 label outside the vocabulary.*a topic "fines"/);
  });
});
