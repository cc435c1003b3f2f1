import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { regwatch } from "../support/cli.js";
import { modelJson, startModelServer } from "../support/model-server.js";

const dir = mkdtempSync(join(tmpdir(), "regwatch-llm-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const feeds = "feeds:\n  - { id: a, name: A, url: 'https://a.example/rss' }\n";

describe("regwatch llm test", () => {
  it("sends the sample article per language and prints the answer, the time and the tokens", async () => {
    const server = await startModelServer((request) =>
      request.task.language === "en"
        ? { content: modelJson("Action against a crypto exchange", "On 1 December 2026 the FSA ordered exchange A to pay ¥1 billion and segregate 5% more of customer assets."), usage: { prompt_tokens: 321, completion_tokens: 45 } }
        : { status: 429 },
    );
    try {
      const config = join(dir, "llm.yaml");
      writeFileSync(config, `llm: { baseUrl: '${server.baseUrl}', model: sample-model, apiKeyEnv: SAMPLE_MODEL_KEY }\n${feeds}`);
      const result = await regwatch(["llm", "test", "--config", config, "--language", "en,ja"], { SAMPLE_MODEL_KEY: "sk-never-printed" });
      expect(result.stdout).toMatch(/\[en\] model text in \d+ ms, tokens 321 in \+ 45 out/);
      expect(result.stdout).toContain("summary: On 1 December 2026 the FSA ordered exchange A to pay ¥1 billion");
      expect(result.stdout).toMatch(/\[ja\] fallback after \d+ ms \(rate-limited: /);
      expect(result.stdout).toContain("fallbacks 1 (rate-limited 1)");
      expect(result.stdout + result.stderr).not.toContain("sk-never-printed");
      expect(server.requests.map((r) => r.authorization)).toEqual(["Bearer sk-never-printed", "Bearer sk-never-printed"]);
      expect(result.code).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("says in one line when no model is configured", async () => {
    const config = join(dir, "none.yaml");
    writeFileSync(config, feeds);
    const result = await regwatch(["llm", "test", "--config", config]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringContaining("no model is configured: add llm: {baseUrl, model}")]);
  });
});
