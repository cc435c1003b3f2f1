// A feed farm for the poll benchmark, in its own process so its work does not count as regwatch's:
// FEEDS feeds of ITEMS items, served on several loopback addresses (so per-host serialisation does not
// turn the benchmark into one queue), with ETags. POST /phase/<name> switches what the feeds say.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { rss } from "../support/rss.js";

const FEEDS = Number(process.env.FEEDS ?? 200);
const ITEMS = Number(process.env.ITEMS ?? 50);
const HOSTS = Number(process.env.HOSTS ?? 8);
let phase = "prime";
const bodies = new Map<string, Buffer>();

const words = ["Financial Services Agency", "Securities and Futures Commission", "SEC", "crypto-asset", "stablecoin", "consultation", "licence", "exchange", "custody", "guidelines"];
function body(feed: number): Buffer {
  const key = `${phase}:${feed}`;
  let cached = bodies.get(key);
  if (!cached) {
    const count = phase === "prime" ? 1 : ITEMS;
    const items = Array.from({ length: count }, (_, i) => {
      // Each phase after "new" (e.g. "new2") serves 50 other new items: a second all-new cycle in the same run.
      const id = phase === "prime" ? `old-${feed}` : phase === "new" ? `${feed}-${i}` : `${phase}-${feed}-${i}`;
      return {
        title: `${words[(feed + i) % words.length]} publishes ${words[(feed * 7 + i) % words.length]} rules ${id}`,
        link: `https://regulator${feed % 37}.example/news/${id}.html?utm_source=rss`,
        guid: id,
        pubDate: new Date(Date.UTC(2026, 10, 1, 0, i)).toUTCString(),
        description: `<p>The ${words[i % words.length]} said on Tuesday it will require ${words[(i + 3) % words.length]} firms to hold reserves of 100% and pay fines of up to ¥50,000,000 from 1 April 2027.</p>`.repeat(3),
      };
    });
    cached = Buffer.from(rss({ title: `Feed ${feed}`, items }));
    bodies.set(key, cached);
  }
  return cached;
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? "/";
  if (req.method === "POST" && url.startsWith("/phase/")) {
    phase = url.slice("/phase/".length);
    res.end("ok");
    return;
  }
  const match = /^\/feed\/(\d+)\.xml$/.exec(url);
  if (!match) {
    res.writeHead(404).end();
    return;
  }
  const etag = `"${phase}"`;
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, { etag }).end();
    return;
  }
  const payload = body(Number(match[1]));
  res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag, "content-length": payload.length }).end(payload);
}

const listen = (host: string, port: number) =>
  new Promise<number>((resolve) => {
    const server = createServer(handle).listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
// Every address shares the first one's port.
const port = await listen("127.0.0.1", 0);
for (let i = 1; i < HOSTS; i++) await listen(`127.0.0.${i + 1}`, port);
const urls = Array.from({ length: FEEDS }, (_, f) => `http://127.0.0.${(f % HOSTS) + 1}:${port}/feed/${f}.xml`);
process.stdout.write(JSON.stringify({ control: `http://127.0.0.1:${port}`, urls }) + "\n");
