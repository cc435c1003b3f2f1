// The deployment files are read as an operator's machine would read them: what docker-compose.yml and the
// Dockerfile hand to regwatch must be what regwatch's configuration loader understands. (No Docker engine runs
// in the test environment, so the containers themselves are not started here; two `regwatch run` on one store
// are exercised for real by the failover tests.)
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { configDataFile, packageRoot } from "../../../config/paths.js";
import { loadConfig } from "../../../config/load.js";
import { isStoreUrl } from "../../../config/schema.js";

interface Service {
  build?: string;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  profiles?: string[];
}

const compose = parse(readFileSync(`${packageRoot}/docker-compose.yml`, "utf8"), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const dockerfile = readFileSync(`${packageRoot}/Dockerfile`, "utf8");
const regwatch = Object.entries(compose.services).filter(([, s]) => s.build === ".");

/** Compose's `${NAME:-default}` substitution, against the operator's shell environment. */
const substitute = (value: string, shell: Record<string, string>): string =>
  value.replace(/\$\{(\w+)(?::-([^}]*))?\}/g, (_m, name: string, fallback?: string) => shell[name] || (fallback ?? ""));

/** Where the image puts the repository's files: /app is the Dockerfile's WORKDIR. */
const inImage = (file: string): string => `/app/${relative(packageRoot, file)}`;

describe("docker-compose.yml", () => {
  it("runs two regwatch instances on one shared store, each with its own data volume and metrics port", () => {
    expect(regwatch.map(([name]) => name)).toHaveLength(2);
    const stores = new Set(regwatch.map(([, s]) => s.environment?.REGWATCH_STORE));
    expect(stores.size).toBe(1);
    const hostPorts = regwatch.map(([, s]) => s.ports?.[0]?.split(":").slice(0, 2).join(":"));
    expect(new Set(hostPorts).size).toBe(2);
    for (const port of hostPorts) expect(port).toMatch(/^127\.0\.0\.1:\d+$/);
    const dataVolumes = regwatch.map(([, s]) => s.volumes?.find((v) => v.endsWith(":/app/data"))?.split(":")[0]);
    expect(new Set(dataVolumes).size).toBe(2);
    for (const volume of dataVolumes) expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it("hands each instance an environment the configuration loader accepts: the store, the endpoint, the token", () => {
    const shell = { TELEGRAM_BOT_TOKEN: "123456:test-token" };
    for (const [name, service] of regwatch) {
      const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, substitute(v, shell)]));
      // The image mounts the repository's configuration where the loader looks by default.
      expect(service.volumes, name).toContain(`./config/regwatch.yaml:${inImage(configDataFile("regwatch.yaml"))}:ro`);
      const { config, env: runtime } = loadConfig({ env });
      expect(config.store, name).toBe("redis://redis:6379/0");
      expect(isStoreUrl(config.store)).toBe(true);
      // Listening on every interface inside the container, on the port the mapping publishes.
      expect(config.http).toMatchObject({ host: "0.0.0.0" });
      const containerPort = service.ports?.[0]?.split(":").at(-1);
      expect(config.http && String(config.http.port)).toBe(containerPort);
      expect(runtime.telegramToken).toBe("123456:test-token");
      // The state file that remembers the store's identity lands on the instance's own volume (/app/data).
      expect(typeof config.stateFile === "string" && relative(process.cwd(), config.stateFile)).toBe("data/regwatch.state.json");
    }
  });

  it("starts the instances only once Redis answers, and Redis keeps its data across restarts", () => {
    const redis = compose.services.redis!;
    expect(redis.command).toEqual(expect.arrayContaining(["--appendonly", "yes"]));
    expect(redis.healthcheck?.test.join(" ")).toContain("ping");
    for (const [, service] of regwatch) expect(service.depends_on?.redis?.condition).toBe("service_healthy");
  });

  it("offers PostgreSQL as a profile, with the URL the comments give", () => {
    const postgres = compose.services.postgres!;
    expect(postgres.profiles).toEqual(["postgres"]);
    expect(postgres.healthcheck?.test.join(" ")).toContain("pg_isready");
    const url = /REGWATCH_STORE=(postgres:\/\/\S+)/.exec(readFileSync(`${packageRoot}/docker-compose.yml`, "utf8"))?.[1];
    expect(url && isStoreUrl(url)).toBe(true);
    expect(loadConfig({ env: { REGWATCH_STORE: url } }).config.store).toBe(url);
  });
});

describe("Dockerfile", () => {
  it("checks health through `regwatch health` and exposes the endpoint's default port", () => {
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*CMD \["node", "bin\/regwatch\.js", "health"\]/);
    const { config } = loadConfig({ env: {} });
    expect(dockerfile).toContain(`EXPOSE ${config.http && config.http.port}`);
  });

  it("defaults to an SQLite file on the data volume, a store URL the loader accepts", () => {
    const store = /ENV REGWATCH_STORE=(\S+)/.exec(dockerfile)?.[1];
    expect(store).toBe("sqlite:///app/data/regwatch.sqlite");
    expect(dockerfile).toContain('VOLUME ["/app/data"]');
    expect(loadConfig({ env: { REGWATCH_STORE: store } }).config.store).toBe(store);
  });
});
