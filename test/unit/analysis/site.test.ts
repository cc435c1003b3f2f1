import { describe, expect, it } from "vitest";
import type { Jurisdiction } from "../../../src/analysis/knowledge.js";
import { publisherOf, publisherTable, siteJurisdiction } from "../../../src/analysis/site.js";

const jurisdiction = (code: string, regulators: Jurisdiction["regulators"]): Jurisdiction =>
  ({ code, name: code, flag: "", currency: "XXX", names: [], exactNames: [], adjectives: [], aliases: [], places: [], regulators });

const table = publisherTable([
  jurisdiction("FR", [
    { names: ["Banque de France"], kind: "central-bank", sites: ["banque-france.fr"] },
    { acronym: "ACPR", names: ["Autorité de contrôle prudentiel et de résolution"], kind: "regulator", sites: ["acpr.banque-france.fr"] },
  ]),
  jurisdiction("INT", [{ acronym: "BIS", names: ["Bank for International Settlements"], kind: "standard-setter", sites: ["bis.org"] }]),
  jurisdiction("BR", [{ acronym: "CVM", names: ["Comissão de Valores Mobiliários"], kind: "regulator", sites: ["cvm.gov.br"] }]),
]);

describe("publisherOf: the authority whose own site a page is on", () => {
  it("finds the host, with or without www, and the nearest listed parent domain", () => {
    expect(publisherOf("https://www.bis.org/press/p250101.htm", table)).toEqual({ site: "bis.org", code: "INT", kind: "standard-setter" });
    expect(publisherOf("https://conteudo.cvm.gov.br/decisoes/2023/x.html", table)?.site).toBe("cvm.gov.br");
    // The more specific site wins over its parent's.
    expect(publisherOf("https://acpr.banque-france.fr/communique", table)?.site).toBe("acpr.banque-france.fr");
    expect(publisherOf("https://www.banque-france.fr/fr/communique", table)?.kind).toBe("central-bank");
    expect(publisherOf("HTTPS://WWW.BIS.ORG/x", table)?.code).toBe("INT");
  });

  it("finds no one for other sites, look-alike hosts, a whole government's domain, or no URL", () => {
    expect(publisherOf("https://www.gov.br/cvm/pt-br", table)).toBeNull();
    expect(publisherOf("https://notbis.org/x", table)).toBeNull();
    expect(publisherOf("https://bis.org.example.com/x", table)).toBeNull();
    expect(publisherOf("not a url", table)).toBeNull();
    expect(publisherOf(null, table)).toBeNull();
    expect(publisherOf("https://www.bis.org/x", new Map())).toBeNull();
  });
});

describe("siteJurisdiction: a country-code domain's jurisdiction", () => {
  const known = new Set(["GB", "US", "TH", "EU"]);
  it("reads country codes and the few special ones, not generic ones sold worldwide", () => {
    expect(siteJurisdiction("https://www.sec.or.th/x", known)).toBe("TH");
    expect(siteJurisdiction("https://www.fca.org.uk/x", known)).toBe("GB");
    expect(siteJurisdiction("https://www.sec.gov/x", known)).toBe("US");
    expect(siteJurisdiction("https://www.theblock.co/x", known)).toBeNull();
    expect(siteJurisdiction("https://example.jp/x", known)).toBeNull();
  });
});
