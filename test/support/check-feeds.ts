// `npm run check-feeds -- DIR`: serves every file in DIR from a loopback server (no Content-Type charset,
// as a careless server would) and runs the real fetch → decode → parse path over each, printing a table.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describeError } from "../../src/core/errors.js";
import { decodeFeed } from "../../src/feeds/decode.js";
import { fetchFeed } from "../../src/feeds/fetch.js";
import { parseFeed } from "../../src/feeds/parse.js";
import { startFeedServer } from "./feed-server.js";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: npm run check-feeds -- DIR");
  process.exit(2);
}
const files = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile() && !f.endsWith(".md")).sort();
const server = await startFeedServer();
for (const file of files) server.set(`/${encodeURIComponent(file)}`, { body: readFileSync(join(dir, file)), contentType: "application/xml" });

console.log("| file | encoding (how) | items | result |");
console.log("|---|---|---|---|");
for (const file of files) {
  const url = server.url(`/${encodeURIComponent(file)}`);
  let encoding = "-";
  try {
    const fetched = await fetchFeed({ id: "check", name: file, url, jurisdiction: null }, {}, {
      timeoutMs: 10_000,
      maxBodyBytes: 5_000_000,
      maxRedirects: 5,
      userAgent: "regwatch check-feeds",
    });
    if (fetched.status !== "ok") throw new Error("unexpected 304");
    const decoded = decodeFeed(fetched.bytes, fetched.contentType);
    encoding = `${decoded.encoding} (${decoded.source})`;
    const parsed = await parseFeed(decoded.text, { feedId: "check", baseUrl: url });
    const first = parsed.articles[0];
    const sample = first ? `${first.title.slice(0, 50)} / ${first.url ?? "no link"} / ${first.published ?? "no date"}` : "(no items)";
    console.log(`| ${file} | ${encoding} | ${parsed.articles.length} | parsed: ${sample.replace(/\|/g, "\\|")} |`);
  } catch (error) {
    console.log(`| ${file} | ${encoding} | - | refused: ${describeError(error).replace(/\|/g, "\\|")} |`);
  }
}
await server.close();
