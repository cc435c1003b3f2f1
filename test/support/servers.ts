import { randomBytes } from "node:crypto";
import { createClient } from "@redis/client";
import pg from "pg";

const HOW = 'start them with: eval "$(test/support/services.sh start)"  (see the README, "Running the tests")';

/** The test Redis (REGWATCH_TEST_REDIS). A missing server fails the suite that needs it, with how to start one; never a skip. */
export function testRedis(): string {
  const url = process.env.REGWATCH_TEST_REDIS;
  if (!url) throw new Error(`REGWATCH_TEST_REDIS is not set: these tests need a real Redis server; ${HOW}`);
  return url.replace(/\/\d*$/, "");
}

/** The test PostgreSQL server's admin URL (REGWATCH_TEST_POSTGRES). */
export function testPostgres(): string {
  const url = process.env.REGWATCH_TEST_POSTGRES;
  if (!url) throw new Error(`REGWATCH_TEST_POSTGRES is not set: these tests need a real PostgreSQL server; ${HOW}`);
  return url;
}

/**
 * An emptied Redis database of the test server. Test files use different database numbers (1-15),
 * so files running at once never see each other's keys.
 */
export async function freshRedis(db: number): Promise<string> {
  const url = `${testRedis()}/${db}`;
  const client = createClient({ url });
  client.on("error", () => undefined);
  await client.connect();
  await client.flushDb();
  await client.close();
  return url;
}

/** A new, empty database on the test PostgreSQL server. */
export async function freshPostgres(): Promise<string> {
  const admin = testPostgres();
  const name = `regwatch_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs SQL against a test database (to refuse writes, to drop connections). */
export async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Runs one Redis command against the test server (to refuse writes, to wipe it). */
export async function redisCommand(url: string, args: string[]): Promise<unknown> {
  const client = createClient({ url });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await client.sendCommand(args);
  } finally {
    await client.close();
  }
}
