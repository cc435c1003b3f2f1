/** Writes small RSS 2.0 documents for tests and benchmarks. */
export interface RssItem {
  title: string;
  link?: string;
  guid?: string;
  pubDate?: string;
  description?: string;
}

const escape = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function rss(channel: { title: string; link?: string; items: RssItem[] }): string {
  const items = channel.items
    .map((item) =>
      [
        "<item>",
        `<title>${escape(item.title)}</title>`,
        item.link ? `<link>${escape(item.link)}</link>` : "",
        item.guid ? `<guid isPermaLink="false">${escape(item.guid)}</guid>` : "",
        item.pubDate ? `<pubDate>${item.pubDate}</pubDate>` : "",
        item.description ? `<description>${escape(item.description)}</description>` : "",
        "</item>",
      ].join(""),
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${escape(channel.title)}</title><link>${escape(channel.link ?? "https://regulator.example/")}</link>
${items}
</channel></rss>`;
}

/** RFC 822 date for day `n` after 2026-11-01, at 09:00 UTC. */
export const day = (n: number): string => new Date(Date.UTC(2026, 10, 1 + n, 9)).toUTCString();

/** Item `n` of a regulator's feed that the analysis reads as policy (JP, custody): for tests that run the service. */
export const custodyRule = (n: number): RssItem => ({
  title: `Japan's FSA finalises rules on crypto-asset custody ${n}`,
  link: `https://www.fsa.go.jp/en/news/${n}.html`,
  pubDate: day(n),
  description: `The Financial Services Agency of Japan finalised custody rules number ${n} for crypto-asset exchanges.`,
});
