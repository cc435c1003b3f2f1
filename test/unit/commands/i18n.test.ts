import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCatalogs, type Catalog } from "../../../config/locales.js";
import type { CommandContext, CommandServices } from "../../../src/core/command.js";
import { commands } from "../../../commands/index.js";
import { regimeIds } from "../../../src/caps/index.js";
import { alertLabels, digestLabels } from "../../../src/commands/alert-labels.js";
import { catalogLanguage, languages } from "../../../src/commands/i18n.js";
import { loadKnowledge } from "../../../src/analysis/knowledge.js";
import { runCommandLine } from "../../../src/commands/run.js";
import { openStores, type Stores } from "../../../src/storage/index.js";
import { renderDigest } from "../../../adapters/telegram/render.js";
import { alertCount } from "../../../src/core/delivery.js";
import { alert, recordingContext, servicesOver } from "./support.js";

const root = join(import.meta.dirname, "../../..");

const keysOf = (catalog: Catalog, prefix = ""): string[] =>
  Object.entries(catalog).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)));

/** Every `t("…")` key written in the code. */
function keysUsed(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts")) files.push(path);
    }
  };
  for (const dir of ["commands", "src", "adapters"]) walk(join(root, dir));
  return [...new Set(files.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/\bt\("([a-zA-Z][\w.]*)"/g)].map((m) => m[1] as string)))];
}

describe("message catalogs", () => {
  const catalogs = loadCatalogs();

  it("has English and Japanese, each a file in config/locales", () => {
    expect(languages()).toEqual(expect.arrayContaining(["en", "ja"]));
    expect(catalogLanguage("ja-JP")).toBe("ja");
    expect(catalogLanguage("en-GB")).toBe("en");
    expect(catalogLanguage("ko")).toBeUndefined();
  });

  it("English holds every key the code uses, and Japanese every English key", () => {
    const english = new Set(keysOf(catalogs.en!));
    const used = keysUsed();
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((k) => !english.has(k))).toEqual([]);
    const japanese = new Set(keysOf(catalogs.ja!));
    expect([...english].filter((k) => !japanese.has(k) && k !== "nameScript")).toEqual([]);
  });

  it("words only regimes that exist", () => {
    expect(Object.keys(catalogs.ja!.regimes as Catalog).sort()).toEqual([...regimeIds].sort());
  });

  it("words only commands and options that exist, and every command in Japanese", () => {
    const ja = catalogs.ja!.commands as Catalog;
    for (const [name, entry] of Object.entries(ja)) {
      const command = commands.find((c) => c.name === name);
      expect(command, name).toBeDefined();
      for (const option of Object.keys(((entry as Catalog).options as Catalog | undefined) ?? {})) expect(Object.keys(command!.options.shape), `${name}.${option}`).toContain(option);
    }
    expect(Object.keys(ja).sort()).toEqual(commands.map((c) => c.name).sort());
  });

  it("uses in a translation only {{values}} the English message has, and drops none but a spelled-out name", () => {
    const values = (text: string) => [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string))].filter((v) => v !== "currencyName").sort();
    const ja = new Map(keysOf(catalogs.ja!).map((k) => [k, k.split(".").reduce<Catalog | string>((c, p) => (c as Catalog)[p] as Catalog | string, catalogs.ja!) as string]));
    for (const key of keysOf(catalogs.en!)) {
      const en = key.split(".").reduce<Catalog | string>((c, p) => (c as Catalog)[p] as Catalog | string, catalogs.en!) as string;
      const translated = ja.get(key);
      if (translated !== undefined) expect(values(translated), key).toEqual(values(en));
    }
  });

  it("takes a new language from one file", () => {
    const dir = mkdtempSync(join(tmpdir(), "regwatch-locales-"));
    try {
      for (const f of ["en.yaml", "ja.yaml"]) writeCopy(join(root, "config/locales", f), join(dir, f));
      writeCopy(undefined, join(dir, "ko.yaml"), 'subscribe:\n  titleNew: "구독했습니다"\n');
      expect(Object.keys(loadCatalogs(dir)).sort()).toEqual(["en", "ja", "ko"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function writeCopy(from: string | undefined, to: string, text?: string): void {
  writeFileSync(to, text ?? readFileSync(from!, "utf8"));
}

const dir = mkdtempSync(join(tmpdir(), "regwatch-i18n-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
let stores: Stores;
let services: CommandServices;
beforeEach(async () => {
  stores = await openStores(`sqlite://${join(dir, `${++n}.sqlite`)}`, { seenTtlDays: 180 });
  services = servicesOver(stores);
});
afterEach(() => stores.close());

async function say(text: string, overrides: Partial<CommandContext> = {}) {
  const ctx = recordingContext(overrides);
  await runCommandLine(text, ctx, services, { logger: { error: (m) => expect.fail(m) } });
  return ctx.replies[0]!;
}

describe("replies in Japanese", () => {
  it("follow the platform's language, and /language ja sets it for the chat", async () => {
    expect((await say("/subscribe jp hk", { locale: "ja" })).text).toBe("ルール 1 を追加しました: 🇯🇵 日本 ・ 🇭🇰 香港のすべてのトピック。");
    expect((await say("/subscriptions")).title).toBe("This chat receives");
    expect((await say("/language ja")).text).toBe("このチャットでは regwatch が日本語で答えます。");
    const listed = await say("/subscriptions");
    expect(listed.title).toBe("このチャットで受け取るもの");
    expect(listed.text).toMatch(/^1\. 🇯🇵 日本 ・ 🇭🇰 香港のすべてのトピック。\n\n2026-11-20 から。/);
    expect((await say("/subscribe stablecoin daily 9am JST")).text).toBe("ルール 2 を追加しました: すべての地域のステーブルコイン。\n配信を「毎日 09:00（Asia/Tokyo）にまとめて」に変更しました。");
    expect((await say("/unsubscribe stablecoin")).text).toBe("停止しました:\nすべての地域のステーブルコイン。（ルールを削除）\n\n引き続き受け取るもの:\n1. 🇯🇵 日本 ・ 🇭🇰 香港のすべてのトピック。");
    expect((await say("/language auto", { locale: "en-US" })).text).toBe("This chat now follows each user's app language (now English).");
    expect((await say("/language klingon")).text).toBe('"klingon" is not a language regwatch speaks: choose one of en, ja, or auto.');
  });

  it("answers /ieo-cap at a glance in Japanese, disclaimer last", async () => {
    const reply = await say("/ieo-cap 年収800万 資産3000万 200万 already:50万", { locale: "ja" });
    expect(reply.text.split("\n")).toEqual([
      "上限: ¥1,500,000（≈ $9,750、1 JPY = 0.0065 USD、2026-11-01 のレート）",
      "残り: ¥1,000,000（投資済み ¥500,000 を差し引き）",
      "❌ ¥2,000,000 は上限を ¥1,000,000 超えています。投資できません。",
      "読み取った金額: 年収 ¥8,000,000, 純資産 ¥30,000,000, 投資額 ¥2,000,000, 投資済み ¥500,000",
    ]);
    expect(reply.footer).toBe("情報提供であり、法律・投資の助言ではありません。金額はご本人の申告です。");
    expect(reply.fields?.map((f) => f.name)).toEqual(["計算", "ルール", "位置づけ", "注記"]);
    expect(reply.title).toBe("日本: IEO の購入上限（金融庁の案）");
    expect(reply.fields?.[0]?.value).toBe(
      "年収 ¥8,000,000 と純資産 ¥30,000,000 の多い方 = ¥30,000,000; 5% × ¥30,000,000 = ¥1,500,000; 下限 ¥500,000; 上限 ¥2,000,000; ¥1,500,000 − 投資済み ¥500,000 = 残り ¥1,000,000",
    );
    expect(reply.fields?.find((f) => f.name === "位置づけ")?.value).toMatch(/^案であり法律ではありません/);
    expect((await say("/ieo-cap 800万 3000万 regime:us-regcf", { locale: "ja" })).text).toBe(
      "年収「800万」の万・億は円の単位ですが、この制度は USD で数えます: USD で入力してください（例 120k or 120,000）",
    );
    expect((await say("/subscribe jp hour:25 delivery:daily", { locale: "ja" })).text).toBe("hour: 0〜23 の時刻を指定してください（例 9、21、9am）");
    expect((await say("/subscribe jp time_zone:Mars/Olympus delivery:daily", { locale: "ja" })).text).toMatch(/^time_zone: "Mars\/Olympus" というタイムゾーンはありません/);
    expect((await say("/latest count:50", { locale: "ja" })).text).toBe("count: 1〜10 の数を指定してください");
    expect((await say("/ieo-cap 1 2 regime:mars", { locale: "ja" })).text).toMatch(/^regime: "mars" という制度はありません/);
    expect((await say("/ieo-cap 800万", { locale: "ja" })).text).toMatch(/^jp-ieo には純資産（net_assets）が必要です: 例 \/ieo-cap 800万 3000万/);
  });

  it("translates /help, /topics and errors", async () => {
    expect((await say("/help", { locale: "ja" })).text).toContain("/subscribe — ルールを追加");
    expect((await say("/topics", { locale: "ja" })).text).toContain("stablecoin — ステーブルコイン");
    expect((await say("/subscribe crypto", { locale: "ja" })).text).toMatch(/^"crypto" は知らない地域・トピックです（すべてのアラートは/);
    expect((await say("/nothing", { locale: "ja" })).text).toBe("/nothing というコマンドはありません。/help をどうぞ。");
    // The shared line parser's own refusals speak the chat's language too.
    expect((await say("/latest colour:red", { locale: "ja" })).text).toBe("/latest に colour というオプションはありません。オプション: what, count");
    expect((await say("/latest count:2 count:3", { locale: "ja" })).text).toBe("count が二度指定されています");
    expect((await say('/subscribe "jp', { locale: "ja" })).text).toBe('引用符が閉じていません: " を足してください');
    expect((await say("/latest colour:red")).text).toBe("Unknown option colour for /latest. Options: what, count.");
    const japan = await say("/jurisdictions jp", { locale: "ja" });
    expect(japan.title).toBe("🇯🇵 日本 (JP)");
    expect(japan.text).toContain("FSA: Financial Services Agency (規制当局)");
    // Japanese names are short: the whole table fits with flags, without acronyms.
    expect((await say("/jurisdictions", { locale: "ja" })).text.split("\n")).toContain("🇯🇵 JP 日本");
  });
});

describe("alerts and digests for a Japanese chat", () => {
  it("label alerts and name digests in the chat's language; English chats keep the renderers' words", async () => {
    const target = { platform: "console" as const, chatId: "c1" };
    const labels = alertLabels(stores.chatSettings, stores.subscriptions, loadKnowledge());
    const digests = digestLabels(stores.chatSettings, stores.subscriptions);
    const digest = { kind: "daily" as const, at: new Date("2026-11-26T23:00:00.000Z"), timeZone: "Asia/Tokyo", english: "Daily digest, 27 Nov 2026" };
    await say("/subscribe jp");
    expect(await labels(target)).toBeUndefined();
    expect(await digests(target, digest)).toBe("Daily digest, 27 Nov 2026");
    await say("/language ja");
    expect(await labels(target)).toMatchObject({ keyFigures: "主な数字", source: "出典", places: expect.objectContaining({ JP: "日本", US: "米国" }), topicLabels: expect.objectContaining({ tax: "税制" }) });
    expect(await digests(target, digest)).toBe("2026年11月27日 のまとめ");
    const japanese = await labels(target);
    expect(alertCount(3, japanese)).toBe("3 件");
    expect(alertCount(1, undefined)).toBe("1 alert");
    expect(renderDigest("2026年11月27日 のまとめ", [alert("d1", "2026-11-26T00:00:00.000Z", ["JP"])], { ...(japanese ? { labels: japanese } : {}) })[0]).toMatch(/^<b>2026年11月27日 のまとめ<\/b> · 1 件/);
  });
});

describe("/pause and /resume", () => {
  it("pause for a duration or until /resume, shown in /subscriptions", async () => {
    expect((await say("/pause")).text).toMatch(/^This chat has no subscription to pause/);
    await say("/subscribe jp");
    expect((await say("/pause 2h")).text).toBe("Alerts paused until 2026-11-20 11:00 UTC; /resume starts them now. Alerts published meanwhile are skipped.");
    expect((await stores.subscriptions.get({ platform: "console", chatId: "c1" }))?.pausedUntil).toBe("2026-11-20T11:00:00.000Z");
    expect((await say("/subscriptions")).fields?.find((f) => f.name === "Paused")?.value).toBe("until 2026-11-20 11:00 UTC");
    expect((await say("/pause soon")).text).toMatch(/^"soon" is not a duration/);
    expect((await say("/pause")).text).toBe("Alerts paused until /resume. Alerts published meanwhile are skipped.");
    expect((await say("/resume")).text).toBe("Alerts resumed: the next matching alert arrives here.");
    expect((await stores.subscriptions.get({ platform: "console", chatId: "c1" }))?.pausedUntil).toBeUndefined();
    expect((await say("/resume")).text).toBe("Alerts are not paused in this chat.");
    expect((await say("/pause 2h", { chat: { platform: "telegram", id: "-1", type: "group" }, canManage: false })).text).toBe("Only chat administrators can change this chat's subscriptions.");
  });
});
