import { describe, expect, it } from "vitest";
import { extractFigures } from "../../../src/analysis/figures.js";

// The figures of the Nordic, Baltic, Central and South-East European languages, in sentences written for these tests.
/** Each figure as [kind, value, text as written], or with its currency for money. */
const of = (text: string, published?: string) =>
  extractFigures(text, published).map((f) => (f.kind === "money" ? [f.kind, f.value, f.currency, f.text] : [f.kind, f.value, f.text]));

describe("extractFigures: percentages in the words of these languages", () => {
  it.each([
    ["Banken holder renten på 4,5 prosent.", 4.5, "4,5 prosent"],
    ["Inflasjonen var 3 prosent i fjor.", 3, "3 prosent"],
    ["Talouskasvu oli 2,2 prosenttia.", 2.2, "2,2 prosenttia"],
    ["Inflaatio nousi 7 prosenttiin.", 7, "7 prosenttiin"],
    ["Az alapkamat 6,50 százalék maradt.", 6.5, "6,50 százalék"],
    ["a 6,75 százalékos kamatszint", 6.75, "6,75 százalékos"],
    ["Dobânda rămâne la 2,50 la sută.", 2.5, "2,50 la sută"],
    ["Sazba zůstává na 3,5 procenta.", 3.5, "3,5 procenta"],
    ["Úroková sadzba je 4 percentá.", 4, "4 percentá"],
    ["Stopa je 2,5 posto.", 2.5, "2,5 posto"],
    ["Inflacija je pala za 3 postotka.", 3, "3 postotka"],
    ["Obrestna mera je 1,5 odstotka.", 1.5, "1,5 odstotka"],
    ["Ο πληθωρισμός ήταν 2,5 τοις εκατό.", 2.5, "2,5 τοις εκατό"],
    ["Intress on 4 protsenti.", 4, "4 protsenti"],
    ["Likme ir 3 procenti.", 3, "3 procenti"],
    ["Palūkanos siekia 5 procentai.", 5, "5 procentai"],
    ["Лихвата е 4 процента.", 4, "4 процента"],
  ])("%s", (text, value, written) => {
    expect(of(text)).toEqual([["percent", value, written]]);
  });

  it("reads a range written with a word: the first number takes the sign of the second", () => {
    expect(of("Räntan sänks från 3,50 till 3,25 procent.")).toEqual([
      ["percent", 3.5, "3,50%"],
      ["percent", 3.25, "3,25 procent"],
    ]);
    expect(of("2,5 és 3 százalék között")).toEqual([
      ["percent", 2.5, "2,5%"],
      ["percent", 3, "3 százalék"],
    ]);
  });

  it("leaves a number before such a word's other senses alone", () => {
    expect(of("Det kom 12 prosentsatser fram.")).toEqual([]);
    expect(of("Sazba 5 procentního bodu", undefined).map((f) => f[0])).toEqual(["basis-points"]);
  });
});

describe("extractFigures: percentage points and basis points in these languages", () => {
  it.each([
    ["renterne hæves med 0,75 procentpoint", 75, "0,75 procentpoint"],
    ["en sänkning med 0,5 procentenheter", 50, "0,5 procentenheter"],
    ["renten økes med 0,25 prosentenheter", 25, "0,25 prosentenheter"],
    ["ned 0,5 prosentpoeng", 50, "0,5 prosentpoeng"],
    ["korko nousi 0,5 prosenttiyksikköä", 50, "0,5 prosenttiyksikköä"],
    ["0,25 százalékponttal csökkent", 25, "0,25 százalékponttal"],
    ["o creștere cu 0,25 puncte procentuale", 25, "0,25 puncte procentuale"],
    ["snížení o 0,5 procentního bodu", 50, "0,5 procentního bodu"],
    ["zvýšenie o 0,25 percentuálneho bodu", 25, "0,25 percentuálneho bodu"],
    ["povećanje za 0,5 postotnih bodova", 50, "0,5 postotnih bodova"],
    ["za 0,25 odstotne točke", 25, "0,25 odstotne točke"],
    ["αύξηση κατά 0,25 ποσοστιαίες μονάδες", 25, "0,25 ποσοστιαίες μονάδες"],
    ["tõus 0,5 protsendipunkti", 50, "0,5 protsendipunkti"],
    ["par 0,25 procentpunktiem", 25, "0,25 procentpunktiem"],
    ["0,5 procentinio punkto", 50, "0,5 procentinio punkto"],
    ["с 0,25 процентни пункта", 25, "0,25 процентни пункта"],
    ["a 25 bázispontos emelés", 25, "25 bázispontos"],
    ["en höjning med 25 baspunkter", 25, "25 baspunkter"],
    ["en nedsættelse på 50 basispoint", 50, "50 basispoint"],
    ["laski 25 korkopistettä", 25, "25 korkopistettä"],
    ["o reducere de 25 puncte de bază", 25, "25 puncte de bază"],
    ["snížení o 25 bazických bodů", 25, "25 bazických bodů"],
    ["намаление с 25 базисни точки", 25, "25 базисни точки"],
    ["μείωση κατά 25 μονάδες βάσης", 25, "25 μονάδες βάσης"],
  ])("%s", (text, value, written) => {
    expect(of(text)).toEqual([["basis-points", value, written]]);
  });
});
