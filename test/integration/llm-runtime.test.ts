import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config/load.js";
import { openRuntime } from "../../src/main.js";
import { makeAlert, makeSubscription } from "../support/fixtures.js";
import { modelJson, startModelServer } from "../support/model-server.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-llm-runtime-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the service with llm configured", () => {
  it("sends each chat the model's text in its language, marked, and counts what it cost", async () => {
    const server = await startModelServer((request) => ({
      content: request.task.language === "ja" ? modelJson("日本語の題", "金融庁が5%の準備金を求めた。") : modelJson("English title", "The FSA asked for a 5% reserve."),
    }));
    const config = join(dir, "regwatch.yaml");
    writeFileSync(config, `store: "sqlite://${join(dir, "r.sqlite")}"\nllm: { baseUrl: '${server.baseUrl}', model: m, apiKeyEnv: RUNTIME_MODEL_KEY }\nfeeds:\n  - { id: a, name: A, url: 'https://a.example/rss' }\n`);
    const printed: string[] = [];
    const logs: string[] = [];
    const logger = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
    const runtime = await openRuntime(loadConfig({ file: config, env: { RUNTIME_MODEL_KEY: "sk-runtime" } }), logger, { consoleWrite: (t) => printed.push(t) });
    try {
      await runtime.stores.subscriptions.put(makeSubscription("console", ["JP"], { platform: "console" }));
      await runtime.stores.chatSettings.set({ platform: "console", chatId: "console" }, { language: "ja" });
      await runtime.start();
      await runtime.delivery.deliver([makeAlert(1, { text: "The FSA asks for a 5% reserve.", summary: "The FSA asks for a 5% reserve." })]);
      await runtime.delivery.idle();
      expect(printed.join("\n")).toContain("日本語の題");
      expect(printed.join("\n")).toContain("金融庁が5%の準備金を求めた。 (summary by model)");
      expect(server.requests.map((r) => r.task.language)).toEqual(["ja"]);
      expect(runtime.llmStats?.line()).toMatch(/^llm: calls 1 \(accepted 1\), tokens \d+\+\d+, latency avg \d+ ms max \d+ ms, cache hits 0, fallbacks 0$/);
      expect(logs.join("\n")).not.toContain("sk-runtime");
    } finally {
      await runtime.close();
      await server.close();
    }
  });
});
