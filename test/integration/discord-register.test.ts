import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { regwatch } from "../support/cli.js";
import { snowflake, startDiscordServer, type DiscordServer } from "../support/discord-server.js";

let server: DiscordServer;
const guild = snowflake();
const env = () => ({ DISCORD_TOKEN: "test-token", DISCORD_API_BASE: server.apiBase });
const puts = () => server.calls.filter((c) => c.method === "PUT");

beforeAll(async () => {
  server = await startDiscordServer({ guilds: [{ id: guild, channels: [{ id: snowflake() }] }] });
});
afterAll(() => server.close());

describe("regwatch register-commands", () => {
  it("registers globally once, and sends nothing when the definitions are unchanged", async () => {
    const first = await regwatch(["register-commands"], { ...env(), DISCORD_APPLICATION_ID: server.applicationId });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`global: registered ${commands.length} commands\n`);
    expect(puts()).toHaveLength(1);
    expect(server.commands.get("global")?.map((c) => c.name)).toEqual(commands.map((c) => c.name));

    // Without DISCORD_APPLICATION_ID the application is asked who it is.
    const second = await regwatch(["register-commands"], env());
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/up to date; nothing sent/);
    expect(puts()).toHaveLength(1);
  });

  it("registers in one guild with --guild", async () => {
    const result = await regwatch(["register-commands", "--guild", guild], { ...env(), DISCORD_APPLICATION_ID: server.applicationId });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`guild ${guild}: registered ${commands.length} commands\n`);
    expect(puts().at(-1)?.path).toBe(`/applications/${server.applicationId}/guilds/${guild}/commands`);
  });

  it("needs the token, and never prints it", async () => {
    const missing = await regwatch(["register-commands"], { DISCORD_API_BASE: server.apiBase });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("DISCORD_TOKEN is not set");
    const bad = await regwatch(["register-commands", "--guild", "nope"], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr + bad.stdout).not.toContain("test-token");
  });
});
