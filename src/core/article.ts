/** One item of a feed, normalised: plain text, absolute URL, ISO date or null. */
export interface Article {
  /** Stable identity within regwatch: see src/feeds/identity.ts. */
  id: string;
  feedId: string;
  /** Absolute, canonical link (no fragment, no tracking parameters), or null when the item has none. */
  url: string | null;
  title: string;
  /** Plain text: tags stripped, entities decoded. */
  text: string;
  /** ISO 8601 in UTC, or null when the feed gave no date we could read. */
  published: string | null;
  categories: string[];
  /** BCP 47 language tag from the feed or item, or null. */
  language: string | null;
}

export type FigureKind = "money" | "percent" | "date" | "basis-points" | "period" | "act" | "vote" | "count";

/** A number the summary must keep, with the text it came from. */
export interface Figure {
  kind: FigureKind;
  /**
   * money: amount in major units; percent: the number (5 for 5%); date: ISO date (YYYY-MM-DD, YYYY-MM or YYYY);
   * basis-points: the number (150); period: ISO 8601 duration (P40M); act: the number of a law, rule or letter as written;
   * vote: a legislature's vote as "for-against" ("308-122"); count: how many of what an act reaches (130 for "130 jurisdictions").
   */
  value: number | string;
  /** ISO 4217 (or a token's ticker: BTC, ETH), money only. */
  currency?: string;
  text: string;
}

/** What the analysis says about an article. */
export interface Analysis {
  policy: boolean;
  /** ISO 3166-1 alpha-2 codes, plus EU and INT. */
  jurisdictions: string[];
  /** Topic ids from config/topics.yaml, primary first. */
  topics: string[];
  summary: string;
  figures: Figure[];
}

/** An article that is news to regwatch, with its analysis: what gets delivered. */
export interface Alert extends Article, Analysis {
  feedName: string;
  /** "model": the title and summary were written by a language model (checked), and the alert says so. */
  summaryBy?: "model";
}
