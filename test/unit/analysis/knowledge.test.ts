import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../../config/knowledge.js";
import { configDataFile } from "../../../config/paths.js";
import { readSnapshot, writeSnapshots } from "../../../config/snapshot.js";
import { parseYaml } from "../../../config/yaml-file.js";
import { ConfigError } from "../../../src/core/errors.js";

describe("loadKnowledge", () => {
  it("loads the shipped tables with every required jurisdiction", () => {
    const k = loadKnowledge();
    const codes = new Set(k.jurisdictions.map((j) => j.code));
    const required = [
      // G20 and the EU
      "AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "KR", "MX", "RU", "SA", "ZA", "TR", "GB", "US", "EU",
      // EU member states
      "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "GR", "HU", "IE", "LV", "LT", "LU", "MT", "NL", "PL", "PT",
      "RO", "SK", "SI", "ES", "SE",
      // crypto hubs and the labelled set
      "AE", "SG", "HK", "CH", "KY", "BM", "LI", "GI", "BS", "SC", "TH", "MY", "PH", "VN", "NG", "KE", "INT",
    ];
    expect(required.filter((c) => !codes.has(c))).toEqual([]);
    expect(k.topics.map((t) => t.id)).toEqual([
      "stablecoin", "lending", "staking", "token-offering", "exchange-licensing", "aml", "tax", "enforcement", "cbdc",
      "monetary-policy", "custody", "advertising", "securities-classification", "derivatives", "defi", "other",
    ]);
  });

  it("reports every problem of a broken table at once", () => {
    const dir = mkdtempSync(join(tmpdir(), "regwatch-knowledge-"));
    const jurisdictions = join(dir, "j.yaml");
    writeFileSync(
      jurisdictions,
      [
        "jurisdictions:",
        "  - { code: usa, name: X, flag: x, currency: usd }",
        "  - { code: JP, name: Japan, flag: x, currency: JPY, regulators: [{ acronym: FSA, names: [a], kind: regulator, default: true }] }",
        "  - { code: DK, name: Denmark, flag: x, currency: DKK, regulators: [{ acronym: FSA, names: [b], kind: regulator, default: true }] }",
      ].join("\n"),
    );
    let error: unknown;
    try {
      loadKnowledge({ jurisdictions });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.some((p) => p.startsWith("jurisdictions[0].code"))).toBe(true);
    expect(problems.some((p) => p.startsWith("jurisdictions[0].currency"))).toBe(true);

    writeFileSync(jurisdictions, "jurisdictions:\n" + [
      "  - { code: JP, name: Japan, flag: x, currency: JPY, regulators: [{ acronym: FSA, names: [a], kind: regulator, default: true }] }",
      "  - { code: DK, name: Denmark, flag: x, currency: DKK, regulators: [{ acronym: FSA, names: [b], kind: regulator, default: true }] }",
    ].join("\n"));
    expect(() => loadKnowledge({ jurisdictions })).toThrow(/acronym FSA is the default in JP, DK/);

    // A shared name has one usual reading too.
    writeFileSync(jurisdictions, "jurisdictions:\n" + [
      "  - { code: ZA, name: South Africa, flag: x, currency: ZAR, regulators: [{ names: [National Treasury], kind: ministry, default: true }] }",
      "  - { code: KE, name: Kenya, flag: x, currency: KES, regulators: [{ names: [National Treasury], kind: ministry, default: true }] }",
    ].join("\n"));
    expect(() => loadKnowledge({ jurisdictions })).toThrow(/name National Treasury is the default in ZA, KE/);

    // A regional body's members are in the table, its seat among them.
    writeFileSync(jurisdictions, "jurisdictions:\n" + [
      "  - { code: SN, name: Senegal, flag: x, currency: XOF, regulators: [{ acronym: BCEAO, names: [a], kind: central-bank, members: [BJ, ML] }] }",
      "  - { code: BJ, name: Benin, flag: x, currency: XOF }",
    ].join("\n"));
    expect(problemsOf(() => loadKnowledge({ jurisdictions }))).toEqual([
      "jurisdictions: SN BCEAO: member ML is not in the table",
      "jurisdictions: SN BCEAO: its members must include SN",
    ]);

    // A site is one body's: a page on it is that body's release. A domain is written as a domain.
    writeFileSync(jurisdictions, "jurisdictions:\n" + [
      "  - { code: SE, name: Sweden, flag: x, currency: SEK, regulators: [{ acronym: FI, names: [a], kind: regulator, sites: [fi.se] }] }",
      "  - { code: FI, name: Finland, flag: x, currency: EUR, regulators: [{ acronym: FIN-FSA, names: [b], kind: regulator, sites: [fi.se, 'https://x.fi/'] }] }",
    ].join("\n"));
    const siteProblems = problemsOf(() => loadKnowledge({ jurisdictions }));
    expect(siteProblems.some((p) => p.startsWith("jurisdictions[1].regulators[0].sites[1]") && p.includes("must be a domain"))).toBe(true);
    writeFileSync(jurisdictions, "jurisdictions:\n" + [
      "  - { code: SE, name: Sweden, flag: x, currency: SEK, regulators: [{ acronym: FI, names: [a], kind: regulator, sites: [fi.se] }] }",
      "  - { code: FI, name: Finland, flag: x, currency: EUR, regulators: [{ acronym: FIN-FSA, names: [b], kind: regulator, sites: [fi.se] }] }",
    ].join("\n"));
    expect(() => loadKnowledge({ jurisdictions })).toThrow(/site fi\.se is both SE FI's and FI FIN-FSA's/);

    // A term listed twice in one list is an edit that did nothing: every copy is named.
    writeFileSync(jurisdictions, "jurisdictions:\n" + [
      "  - { code: DE, name: Germany, flag: x, currency: EUR, names: [Deutschland, Germany, Deutschland], regulators: [{ names: [Bundestag, Bundesrat, Bundesrat], kind: legislature }] }",
    ].join("\n"));
    expect(problemsOf(() => loadKnowledge({ jurisdictions }))).toEqual([
      'jurisdictions: DE names: "Deutschland" appears twice',
      'jurisdictions: DE Bundestag names: "Bundesrat" appears twice',
    ]);
    const topics = join(dir, "t.yaml");
    writeFileSync(topics, [
      "topics:",
      "  - { id: tax, label: Tax, terms: [tax, levy, tax], weak: [duty] }",
      "policy:",
      "  acts: [ban, fine, ban]",
      "  scope: [crypto, stablecoin]",
      "  decided: [held, held]",
    ].join("\n"));
    expect(problemsOf(() => loadKnowledge({ topics }))).toEqual([
      'topics: tax terms: "tax" appears twice',
      'policy: acts: "ban" appears twice',
      'policy: decided: "held" appears twice',
    ]);
  });
});

describe("table snapshots", () => {
  it("serve the parsed tables while the YAML is unchanged, and step aside when it changes", () => {
    writeSnapshots();
    const file = configDataFile("topics.yaml");
    const source = readFileSync(file, "utf8");
    expect(readSnapshot(file, source)).toEqual(parseYaml(file, source));
    expect(readSnapshot(file, source + "\n# edited by an operator\n")).toBeUndefined();
    expect(readSnapshot(join(tmpdir(), "elsewhere.yaml"), source)).toBeUndefined();
  });
});

/** The problems a configuration error reports, all at once; none when `load` succeeds. */
function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (e) {
    return (e as ConfigError).problems;
  }
  return [];
}
