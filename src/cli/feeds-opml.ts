import { readFileSync, writeFileSync } from "node:fs";
import { Command } from "commander";
import { parseDocument } from "yaml";
import { loadConfig } from "../../config/load.js";
import { UserError } from "../core/errors.js";
import { OpmlError, readOpml, writeOpml, type OpmlFeed } from "../feeds/opml.js";
import { terminalSafe } from "./render.js";

const CONFIG_OPTION = ["-c, --config <file>", "configuration file (default config/regwatch.yaml, or REGWATCH_CONFIG)"] as const;
const JURISDICTION = /^(?:[A-Z]{2}|EU|INT)$/;

export const feedsExportCommand = (): Command =>
  new Command("export")
    .description("print the configured feeds as OPML, for feed readers and other regwatch instances")
    .option("--opml", "OPML 2.0 (the only format)")
    .option(...CONFIG_OPTION)
    .action((options: { opml?: boolean; config?: string }) => {
      if (!options.opml) throw new UserError("feeds export needs --opml (the only format)");
      const { config } = loadConfig(options.config ? { file: options.config } : {});
      const feeds: OpmlFeed[] = config.feeds.map((f) => ({ url: f.url, title: f.name, jurisdiction: f.jurisdiction }));
      process.stdout.write(writeOpml("regwatch feeds", feeds));
    });

/** A feed id from its title (or host): lower-case letters, digits and dashes, unique among `taken`. */
export function feedIdFor(feed: OpmlFeed, taken: Set<string>): string {
  const from = feed.title ?? new URL(feed.url).hostname.replace(/^www\./, "");
  const base = from.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "") || "feed";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

export const feedsImportCommand = (): Command =>
  new Command("import")
    .description("add the feeds of an OPML file to the configuration file (those it lacks; comments kept)")
    .argument("<file>", "the OPML file")
    .option("--dry-run", "print what would be added, change nothing")
    .option(...CONFIG_OPTION)
    .action((file: string, options: { dryRun?: boolean; config?: string }) => {
      const loaded = loadConfig(options.config ? { file: options.config } : {});
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (error) {
        throw new UserError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}`);
      }
      let feeds: OpmlFeed[];
      try {
        feeds = readOpml(text);
      } catch (error) {
        if (error instanceof OpmlError) throw new UserError(`${file}: ${error.message}`);
        throw error;
      }
      const known = new Set(loaded.config.feeds.map((f) => new URL(f.url).toString()));
      const taken = new Set(loaded.config.feeds.map((f) => f.id));
      const fresh = feeds.filter((f) => !known.has(f.url));
      const entries = fresh.map((f) => ({
        id: feedIdFor(f, taken),
        name: f.title ?? new URL(f.url).hostname,
        url: f.url,
        ...(f.jurisdiction && JURISDICTION.test(f.jurisdiction) ? { jurisdiction: f.jurisdiction } : {}),
      }));
      for (const e of entries) process.stdout.write(`${options.dryRun ? "would add" : "added"} ${e.id.padEnd(28)} ${terminalSafe(e.url)}\n`);
      process.stderr.write(`${entries.length} feed${entries.length === 1 ? "" : "s"} ${options.dryRun ? "to add" : "added"}, ${feeds.length - fresh.length} already configured\n`);
      if (options.dryRun || entries.length === 0) return;

      const original = readFileSync(loaded.file, "utf8");
      const document = parseDocument(original);
      for (const entry of entries) {
        const node = document.createNode(entry);
        node.flow = true;
        document.addIn(["feeds"], node);
      }
      writeFileSync(loaded.file, document.toString({ lineWidth: 0 }));
      try {
        loadConfig({ file: loaded.file });
      } catch (error) {
        // Never leave the operator a configuration that no longer loads.
        writeFileSync(loaded.file, original);
        throw error;
      }
    });
