import { z } from "zod";
import cron from "node-cron";

const jurisdictionCode = z
  .string()
  .regex(/^(?:[A-Z]{2}|EU|INT)$/, "must be an ISO 3166-1 alpha-2 code, EU or INT (upper case)");

const feedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "must be lower-case letters, digits and dashes"),
  name: z.string().min(1),
  url: z.url({ protocol: /^https?$/, error: "Invalid URL" }).optional(),
  /** An RSSHub route (`/mas/news`), read from `rsshub.baseUrl`: for regulators that publish no feed. */
  rsshub: z.string().regex(/^\/[^\s?#][^\s]*$/, "must be an RSSHub route starting with /, e.g. /mas/news").optional(),
  jurisdiction: jurisdictionCode.nullable().default(null),
  userAgent: z.string().min(1).optional(),
  /** Which new items become alerts: `policy` (the analysis decides) or `all` (every item of this feed). */
  alerts: z.enum(["policy", "all"], { error: 'must be "policy" or "all"' }).default("policy"),
});

const positiveInt = z.number().int().positive();
/** A whole number from 1 to `max`: every count and duration has a sensible ceiling (timers stop working past 2^31 ms). */
const upTo = (max: number) => positiveInt.max(max);
const rate = z.number().positive().max(10_000);
const DAY_MS = 86_400_000;

const llmSchema = z.strictObject({
  /** The API's base URL, up to and including its version: https://api.openai.com/v1, http://127.0.0.1:11434/v1 (Ollama). */
  baseUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:11434/v1" }),
  model: z.string().min(1).max(200),
  /** The name of the environment variable holding the API key (never the key itself); local servers need none. */
  apiKeyEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be the name of an environment variable, such as OPENAI_API_KEY")
    .optional(),
  /** How long an alert may wait for the model before the extractive summary is used. */
  timeoutMs: upTo(120_000).default(5_000),
  /** Calls per rolling hour; past it, alerts use the extractive summary until the hour moves on. */
  maxPerHour: upTo(1_000_000).default(200),
  maxTokens: upTo(32_000).default(400),
});

export const STORE_URL_HINT = "must be sqlite://FILE, redis://…, postgres://… or memory://";
/** The store backends regwatch can open (src/storage/open.ts). */
export const isStoreUrl = (url: string): boolean => /^(?:sqlite:\/\/.+|rediss?:\/\/.+|postgres(?:ql)?:\/\/.+|memory:\/\/.*)$/i.test(url);

export const configSchema = z
  .strictObject({
    /** Who runs this instance: goes into the User-Agent, since some regulators (the SEC) refuse anonymous clients. */
    contact: z.string().min(3).default("regwatch-operator@example.com"),
    userAgent: z.string().min(1).default("regwatch/0.1 (+{contact})"),
    schedule: z
      .string()
      .default("*/5 * * * *")
      .refine((expr) => cron.validate(expr), "is not a valid cron expression"),
    store: z.string().min(1).default("sqlite://data/regwatch.sqlite").refine(isStoreUrl, STORE_URL_HINT),
    /**
     * A small file where this host remembers the store's identity, so a store wiped while regwatch was stopped
     * is noticed at the next start. Default: beside an SQLite file (FILE.state.json), else data/regwatch.state.json
     * (relative to the working directory); `false` turns it off. Filled in by the loader once `store` is known.
     */
    stateFile: z.union([z.literal(false), z.string().min(1)]).optional(),
    limits: z
      .strictObject({
        requestTimeoutMs: upTo(600_000).default(20_000),
        maxBodyBytes: upTo(100_000_000).default(5_000_000),
        maxRedirects: z.number().int().min(0).max(20).default(5),
        concurrentFeeds: positiveInt.max(64).default(4),
        maxNewPerFeed: upTo(1_000).default(10),
        /** How long start-up waits for the store, and for each chat platform, to answer. */
        connectTimeoutMs: upTo(120_000).default(10_000),
      })
      .prefault({}),
    seen: z.strictObject({ ttlDays: upTo(3_650).default(180) }).prefault({}),
    /** The operator's time zone (IANA name) for times on the console and in logs; the machine's own by default. */
    timezone: z
      .string()
      .refine((name) => isTimeZone(name), { message: "unknown time zone: use an IANA name such as Asia/Tokyo, Europe/London or UTC" })
      .default(() => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"),
    /**
     * Several `regwatch run` may share one store; the one holding this lease polls, sends and holds the
     * platform connections. A killed leader is replaced within about this many seconds.
     */
    leader: z.strictObject({ leaseSeconds: upTo(300).min(2).default(10) }).prefault({}),
    /** The operations endpoint (/healthz, /readyz, /metrics); `false` or `port: 0` turns it off. REGWATCH_HTTP_PORT overrides the port. */
    http: z
      .union([
        z.literal(false),
        z.strictObject({
          host: z.string().min(1).default("127.0.0.1"),
          port: z.number().int().min(0).max(65535).default(9464),
          /** /readyz fails when the leader's last poll is older than this. */
          maxPollAgeMinutes: upTo(525_600).default(30),
        }),
      ])
      .default({ host: "127.0.0.1", port: 9464, maxPollAgeMinutes: 30 }),
    /** `pretty`: one readable line per event; `json`: one JSON object per line (pino), for log collectors. */
    log: z.strictObject({ format: z.enum(["pretty", "json"]).default("pretty") }).prefault({}),
    console: z
      .strictObject({
        /** On the first poll, how many of the latest items to show (marked as not new). */
        showLatest: z.number().int().min(0).max(50).default(5),
      })
      .prefault({}),
    /** Approximate exchange rates for showing amounts in USD; `asOf` is printed beside them. */
    fx: z
      .strictObject({
        asOf: z.iso.date(),
        usdPerUnit: z.record(z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code"), z.number().positive().max(1_000_000)),
      })
      .prefault({ asOf: "2026-11-01", usdPerUnit: { USD: 1 } }),
    delivery: z
      .strictObject({
        /** Platform limits (defaults: what Telegram and Discord document); raise them only for a local test server. */
        telegram: z
          .strictObject({
            perSecond: rate.default(30),
            perChatPerSecond: rate.default(1),
            perGroupPerMinute: rate.default(20),
          })
          .prefault({}),
        discord: z.strictObject({ perSecond: rate.default(50) }).prefault({}),
        retry: z
          .strictObject({
            /** First backoff after a 5xx or network error; doubles each time, with jitter, up to maxDelayMs. */
            baseDelayMs: upTo(DAY_MS).default(2_000),
            maxDelayMs: upTo(DAY_MS).default(600_000),
            /** Failures before an entry goes to the dead letters (`regwatch deliveries --retry` requeues them). */
            maxAttempts: upTo(1_000).default(8),
          })
          .prefault({}),
      })
      .prefault({}),
    telegram: z
      .strictObject({
        /** Bot API server; TELEGRAM_API_ROOT overrides it (a self-hosted Bot API server, or a local one in tests). */
        apiRoot: z.url().default("https://api.telegram.org"),
        linkPreviews: z.boolean().default(false),
        /** Webhook mode instead of long polling: the public URL Telegram calls, and where to listen. */
        webhook: z
          .strictObject({
            url: z.url(),
            host: z.string().default("0.0.0.0"),
            port: z.number().int().min(1).max(65535).default(8443),
            path: z.string().startsWith("/").default("/telegram"),
          })
          .optional(),
      })
      .prefault({}),
    discord: z
      .strictObject({
        /** REST base URL without the version; DISCORD_API_BASE overrides it (a REST proxy, or a local server in tests). */
        apiBase: z.url().default("https://discord.com/api"),
        shards: z.union([z.literal("auto"), upTo(10_000)]).default("auto"),
      })
      .prefault({}),
    /** Feeds that chats add with /feed add: URLs from anyone, so they pass the address guard. */
    userFeeds: z
      .strictObject({
        enabled: z.boolean().default(true),
        maxPerChat: z.number().int().min(0).max(1_000).default(10),
        maxTotal: z.number().int().min(0).max(100_000).default(2_000),
        /** Private, loopback and link-local addresses are refused unless this is true (a trusted network). */
        allowPrivateAddresses: z.boolean().default(false),
        /** Ports besides 80 and 443 that a chat's URL may name. */
        allowedPorts: z.array(z.number().int().min(1).max(65535)).max(100).default([]),
        /** Consecutive failed polls after which a chat's feed is paused and its chats are told. */
        pauseAfterFailures: upTo(1_000).default(10),
      })
      .prefault({}),
    /** Where `rsshub:` feeds are read: a self-hosted RSSHub (README). Unset: such feeds are skipped with a warning. */
    rsshub: z.strictObject({ baseUrl: z.url({ protocol: /^https?$/, error: "Invalid URL" }).optional() }).prefault({}),
    /** Model-written summaries and translations through any OpenAI-compatible API; absent: off (extractive summaries only). */
    llm: llmSchema.optional(),
    feeds: z.array(feedSchema).min(1, "must list at least one feed"),
  })
  .superRefine((config, ctx) => {
    config.feeds.forEach((feed, index) => {
      if ((feed.url === undefined) === (feed.rsshub === undefined)) {
        ctx.addIssue({ code: "custom", path: ["feeds", index], message: "needs exactly one of url or rsshub" });
      }
    });
    const seen = new Map<string, number>();
    config.feeds.forEach((feed, index) => {
      const first = seen.get(feed.id);
      if (first !== undefined) {
        ctx.addIssue({ code: "custom", path: ["feeds", index, "id"], message: `duplicates feeds[${first}].id "${feed.id}"` });
      } else seen.set(feed.id, index);
    });
  })
  .transform(({ feeds, ...config }) => {
    // RSSHub routes become URLs here, so everything after the loader sees plain feeds.
    const base = config.rsshub.baseUrl?.replace(/\/+$/, "");
    const resolved = [];
    const rsshubSkipped: string[] = [];
    for (const { rsshub, url, ...feed } of feeds) {
      if (rsshub === undefined) resolved.push({ ...feed, url: url as string });
      else if (base) resolved.push({ ...feed, url: `${base}${rsshub}` });
      else rsshubSkipped.push(feed.id);
    }
    return { ...config, feeds: resolved, rsshubSkipped };
  });

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export type Config = z.output<typeof configSchema>;
export type LlmConfig = NonNullable<Config["llm"]>;
export type FeedConfig = Config["feeds"][number];
