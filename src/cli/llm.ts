import { Command } from "commander";
import Keyv from "keyv";
import { loadConfig } from "../../config/load.js";
import { createAnalyzer } from "../analysis/index.js";
import type { Alert } from "../core/article.js";
import { UserError } from "../core/errors.js";
import { createModelWriter } from "../llm/index.js";

/** A short FSA notice in Japanese, with an amount, a percentage and a date the answer must keep. */
const SAMPLE = {
  id: "sample:jp-fsa:1",
  feedId: "jp-fsa",
  feedName: "Japan FSA",
  jurisdiction: "JP",
  url: "https://www.fsa.go.jp/news/sample.html",
  title: "暗号資産交換業者に対する行政処分について",
  text: "金融庁は、2026年12月1日、暗号資産交換業者A社に対し、資金決済法に基づく業務改善命令を発出するとともに、10億円の課徴金納付を命じました。同社は顧客資産の5%を追加で分別管理する必要があります。",
  language: "ja",
  published: "2026-12-01T01:00:00.000Z",
};

const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** `regwatch llm test`: one sample article through the configured model, per language, with time and tokens. */
export const llmCommand = (): Command =>
  new Command("llm").description("the optional language model for summaries and translations").addCommand(
    new Command("test")
      .description("send a sample article to the configured model and print its answer, the time and the tokens used")
      .option("--language <codes>", "languages to ask for, comma-separated (en, ja…)", "en")
      .option("-c, --config <file>", "configuration file (default config/regwatch.yaml, or REGWATCH_CONFIG)")
      .action(async (options: { language: string; config?: string }) => {
        const languages = options.language.split(",").map((l) => l.trim()).filter(Boolean);
        const bad = languages.find((l) => !LANGUAGE.test(l));
        if (bad !== undefined || languages.length === 0) throw new UserError(`--language: "${bad ?? ""}" is not a language code such as en or ja`);
        const loaded = loadConfig(options.config ? { file: options.config } : {});
        const llm = loaded.config.llm;
        if (!llm) throw new UserError(`no model is configured: add llm: {baseUrl, model} to ${loaded.file} (see the README)`);
        const out = (line: string) => process.stdout.write(`${line}\n`);
        // A cache of its own, in memory: a test always asks the model.
        const { writer, stats } = createModelWriter({ ...llm, ...(loaded.env.llmApiKey ? { apiKey: loaded.env.llmApiKey } : {}) }, new Keyv());
        const alert = await sampleAlert();
        out(`model ${llm.model} at ${new URL(llm.baseUrl).origin}${new URL(llm.baseUrl).pathname}, timeout ${llm.timeoutMs} ms`);
        out(`sample: ${alert.title} (${alert.feedName}, ${alert.language}); figures: ${alert.figures.map((f) => f.text).join(" · ")}`);
        let fallbacks = 0;
        for (const language of languages) {
          const before = { prompt: stats.promptTokens, completion: stats.completionTokens };
          const started = performance.now();
          const written = await writer.write(alert, language);
          const ms = Math.round(performance.now() - started);
          const tokens = `tokens ${stats.promptTokens - before.prompt} in + ${stats.completionTokens - before.completion} out`;
          if (written.ok) {
            out(`[${language}] model text in ${ms} ms, ${tokens}`);
            out(`  title:   ${written.text.title}`);
            out(`  summary: ${written.text.summary}`);
          } else {
            fallbacks += 1;
            out(`[${language}] fallback after ${ms} ms (${written.reason}: ${written.detail}), ${tokens}; alerts would carry the extractive summary:`);
            out(`  summary: ${alert.summary}`);
          }
        }
        out(stats.line());
        process.exitCode = fallbacks > 0 ? 1 : 0;
      }),
  );

async function sampleAlert(): Promise<Alert> {
  const { jurisdiction, ...article } = SAMPLE;
  const analysis = (await createAnalyzer()).analyze({ ...article, feedJurisdiction: jurisdiction });
  return { ...article, categories: [], ...analysis };
}
