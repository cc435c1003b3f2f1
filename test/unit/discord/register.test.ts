import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toApplicationCommands } from "../../../adapters/discord/definitions.js";
import { registerCommands } from "../../../adapters/discord/register.js";
import { commands } from "../../../commands/index.js";
import { snowflake, startDiscordServer, type DiscordServer } from "../../support/discord-server.js";

let server: DiscordServer;
let rest: REST;
const guild = snowflake();

beforeAll(async () => {
  server = await startDiscordServer({ guilds: [{ id: guild, channels: [{ id: snowflake() }] }] });
  rest = new REST({ api: server.apiBase }).setToken("test-token");
});
afterAll(() => server.close());

const puts = () => server.calls.filter((c) => c.method === "PUT");

describe("registering slash commands", () => {
  const definitions = toApplicationCommands(commands);

  it("publishes globally the first time, then leaves an unchanged set alone", async () => {
    const first = await registerCommands({ rest, applicationId: server.applicationId, commands: definitions });
    expect(first).toEqual({ scope: "global", changed: true, count: definitions.length });
    expect(puts()).toHaveLength(1);
    expect(puts()[0]?.path).toBe(`/applications/${server.applicationId}/commands`);
    expect(puts()[0]?.authorized).toBe(true);

    // Discord answers with ids, versions and defaults filled in: none of that is a change.
    const again = await registerCommands({ rest, applicationId: server.applicationId, commands: definitions });
    expect(again.changed).toBe(false);
    expect(puts()).toHaveLength(1);
  });

  it("publishes again when a definition changed", async () => {
    const changed = definitions.map((d) => (d.name === "help" ? { ...d, description: "Lists the commands (changed)" } : d));
    expect((await registerCommands({ rest, applicationId: server.applicationId, commands: changed })).changed).toBe(true);
    expect(puts()).toHaveLength(2);
    expect(server.commands.get("global")?.find((c) => c.name === "help")?.description).toBe("Lists the commands (changed)");
  });

  it("registers in one guild separately from the global set", async () => {
    const result = await registerCommands({ rest, applicationId: server.applicationId, guildId: guild, commands: definitions });
    expect(result).toMatchObject({ scope: `guild ${guild}`, changed: true });
    expect(puts().at(-1)?.path).toBe(`/applications/${server.applicationId}/guilds/${guild}/commands`);
    expect((await registerCommands({ rest, applicationId: server.applicationId, guildId: guild, commands: definitions })).changed).toBe(false);
  });
});
