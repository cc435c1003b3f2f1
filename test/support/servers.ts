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
  const admin = testRedis();
  const client = createClient({ url: `${admin}/${db}` });
  client.on("error", () => undefined);
  await client.connect();
  await client.flushDb();
  // A user of its own, so a test can take its rights away (refused commands) without touching other clients.
  const user = `regwatch_db${db}`;
  await client.sendCommand(["ACL", "SETUSER", user, "reset", "on", ">test", "~*", "&*", "+@all"]);
  await client.close();
  const url = new URL(`${admin}/${db}`);
  url.username = user;
  url.password = "test";
  return url.toString();
}

/** Takes the right to write away from a freshRedis user, as a read-only replica or an OOM server refuses writes. */
export async function refuseRedisWrites(url: string): Promise<() => Promise<void>> {
  const user = new URL(url).username;
  await redisCommand(testRedis(), ["ACL", "SETUSER", user, "-@write"]);
  return async () => void (await redisCommand(testRedis(), ["ACL", "SETUSER", user, "+@all"]));
}

/** A trigger that refuses every write to the store's table. */
export async function refusePostgresWrites(url: string): Promise<() => Promise<void>> {
  await sql(
    url,
    `CREATE OR REPLACE FUNCTION regwatch_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'writes refused'; END $$;
     CREATE TRIGGER regwatch_refuse BEFORE INSERT OR UPDATE OR DELETE ON keyv FOR EACH STATEMENT EXECUTE FUNCTION regwatch_refuse();`,
  );
  return () => sql(url, "DROP TRIGGER regwatch_refuse ON keyv");
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
