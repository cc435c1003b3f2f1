import { Command } from "commander";
import { loadConfig } from "../../config/load.js";
import { describeError } from "../core/errors.js";
import { wholeNumberArgument } from "./numbers.js";
import { withStores } from "./stores.js";

/** A year, in minutes: any longer and a stale service would always pass. */
const MAX_AGE_MINUTES = 525_600;

/**
 * Exit 0 when the service is ready, 1 if not: for container health checks. Asks the running service's
 * /readyz; with the endpoint turned off (or nothing answering there), reads the heartbeat the last poll
 * left in the store instead.
 */
export const healthCommand = (): Command =>
  new Command("health")
    .description("exit 0 if the service is ready (its /readyz, else a poll completed within --max-age minutes), 1 if not")
    .option("--max-age <minutes>", `without the endpoint: how old the last completed poll may be (0-${MAX_AGE_MINUTES})`, wholeNumberArgument(0, MAX_AGE_MINUTES), 30)
    .option("-c, --config <file>", "configuration file (default config/regwatch.yaml, or REGWATCH_CONFIG)")
    .action(async (options: { maxAge: number; config?: string }) => {
      const { config } = loadConfig(options.config ? { file: options.config } : {});
      if (config.http && config.http.port > 0) {
        const host = config.http.host === "0.0.0.0" || config.http.host === "::" ? "127.0.0.1" : config.http.host;
        const url = `http://${host.includes(":") ? `[${host}]` : host}:${config.http.port}/readyz`;
        const answer = await fetch(url, { signal: AbortSignal.timeout(10_000) }).then(
          async (res) => ({ status: res.status, body: (await res.json()) as ReadyBody }),
          (error: unknown) => describeError(error),
        );
        if (typeof answer !== "string") {
          process.stdout.write(describeReady(answer.body));
          process.exitCode = answer.status === 200 ? 0 : 1;
          return;
        }
        process.stdout.write(`no service answering at ${url}; reading the store\n`);
      }
      const maxAgeMs = options.maxAge * 60_000;
      await withStores(options.config, async (stores) => {
        const last = await stores.heartbeat.last();
        const age = last ? Date.now() - Date.parse(last.at) : Infinity;
        const healthy = last !== undefined && last.ok && age <= maxAgeMs;
        process.stdout.write(
          last ? `last poll ${last.at} (${Math.round(age / 60_000)} min ago): ${last.ok ? "ok" : "failed"}: ${last.summary}\n` : "no poll completed yet\n",
        );
        for (const loss of (await stores.identity.incidents()).slice(0, 3)) process.stdout.write(`store data lost ${loss.at}: ${loss.detail}; feeds were primed again\n`);
        process.exitCode = healthy ? 0 : 1;
      });
    });

interface ReadyBody {
  ready: boolean;
  role: string;
  term?: number;
  store: string;
  lastPoll: { at: string; ageSeconds: number; ok: boolean; summary: string } | null;
  dataLoss: Array<{ at: string; detail: string }>;
}

function describeReady(body: ReadyBody): string {
  const lines = [`${body.ready ? "ready" : "NOT READY"}: ${body.role}${body.term ? ` (term ${body.term})` : ""}, store ${body.store}`];
  const last = body.lastPoll;
  lines.push(last ? `last poll ${last.at} (${Math.round(last.ageSeconds / 60)} min ago): ${last.ok ? "ok" : "failed"}: ${last.summary}` : "no poll completed yet");
  for (const loss of body.dataLoss) lines.push(`store data lost ${loss.at}: ${loss.detail}; feeds were primed again`);
  return lines.join("\n") + "\n";
}
