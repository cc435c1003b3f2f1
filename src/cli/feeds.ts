import { Command } from "commander";
import { withStores } from "./stores.js";
import { terminalSafe } from "./render.js";
import { feedsCheckCommand } from "./feeds-check.js";
import { feedsExportCommand, feedsImportCommand } from "./feeds-opml.js";

export const feedsCommand = (): Command =>
  new Command("feeds")
    .enablePositionalOptions()
    .addCommand(feedsExportCommand())
    .addCommand(feedsImportCommand())
    .addCommand(feedsCheckCommand())
    .description("list the configured feeds with their state (last success, failures, last error)")
    .option("--json", "print as JSON")
    .option("-c, --config <file>", "configuration file (default config/regwatch.yaml, or REGWATCH_CONFIG)")
    .action(async (options: { json?: boolean; config?: string }) => {
      await withStores(options.config, async (stores, { config }) => {
        const rows = [];
        for (const feed of config.feeds) {
          const state = await stores.feedState.get(feed.id);
          rows.push({ ...feed, state: state ?? null });
        }
        if (options.json) {
          process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
          return;
        }
        for (const row of rows) {
          const s = row.state;
          const status = !s
            ? "never polled"
            : s.consecutiveFailures > 0
              ? `FAILING x${s.consecutiveFailures}: ${terminalSafe(s.lastError ?? "")}`
              : `ok, ${s.lastItemCount ?? 0} items`;
          const last = s?.lastSuccessAt ? `last ok ${s.lastSuccessAt.slice(0, 16).replace("T", " ")}` : "never ok";
          process.stdout.write(`${row.id.padEnd(26)} ${(row.jurisdiction ?? "-").padEnd(4)} ${last.padEnd(24)} ${status}\n`);
          process.stdout.write(`${"".padEnd(26)} ${row.url}\n`);
        }
      });
    });
