import { Command } from "commander";
import { loadConfig } from "../../config/load.js";
import { renderReply } from "../../adapters/console/render.js";
import { answerIeoCap, ieoCapCommand, ieoCapJson, ieoCapReply } from "../../commands/ieo-cap.js";
import { describeOptions } from "../commands/describe.js";
import { validateOptions } from "../commands/parse.js";

const flag = (name: string): string => name.replaceAll("_", "-");
const attribute = (name: string): string => name.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());

/**
 * `regwatch ieo-cap --income N --net-assets N [--amount N] [--already N] [--regime ID] [--json]`.
 * The flags come from the chat command's zod schema, so both read the same options the same way.
 */
export const ieoCapCliCommand = (): Command => {
  const command = new Command("ieo-cap").description(ieoCapCommand.description);
  const options = describeOptions(ieoCapCommand);
  for (const option of options) {
    const description = option.choices ? `${option.description}: ${option.choices.join(", ")}` : option.description;
    // Amounts are values, never flags: `--net-assets -3,000,000` keeps its minus sign.
    if (option.required) command.requiredOption(`--${flag(option.name)} <value>`, description);
    else command.option(`--${flag(option.name)} <value>`, description);
  }
  return command
    .option("--json", "print {regime, currency, cap, remaining, allowed, formula, status, source}, amounts in major units")
    .option("-c, --config <file>", "configuration file, for the USD rates (default config/regwatch.yaml, or REGWATCH_CONFIG)")
    .action((given: Record<string, string | boolean | undefined>) => {
      const raw: Record<string, unknown> = {};
      for (const option of options) raw[option.name] = given[attribute(option.name)];
      const answer = answerIeoCap(validateOptions(ieoCapCommand, raw));
      // Read even for --json, which shows no USD figure: a --config that names a broken file should say so.
      const { config } = loadConfig(typeof given.config === "string" ? { file: given.config } : {});
      if (given.json) {
        process.stdout.write(`${JSON.stringify(ieoCapJson(answer), null, 2)}\n`);
        return;
      }
      process.stdout.write(`${renderReply(ieoCapReply(answer, config.fx))}\n`);
    });
};
