import { UserError } from "../core/errors.js";

/** The four figures /ieo-cap reads, in the order values without a name fill them. */
export type FigureSlot = "income" | "net_assets" | "amount" | "already";
export const FIGURE_SLOTS: readonly FigureSlot[] = ["income", "net_assets", "amount", "already"];

/** Words that name a figure, in the languages people type them: `年収800万`, `income 8m`, `資産:3000万`. */
const LABELS: ReadonlyArray<readonly [FigureSlot, readonly string[]]> = [
  ["already", ["already", "invested", "already_invested", "投資済み", "投資済", "既投資額", "既投資"]],
  ["income", ["income", "annual_income", "salary", "年収", "収入", "所得"]],
  ["net_assets", ["net_assets", "assets", "net_worth", "networth", "worth", "純資産", "金融資産", "資産"]],
  ["amount", ["amount", "invest", "investment", "投資額", "投資", "金額"]],
];
const labelWords = LABELS.flatMap(([slot, words]) => words.map((word) => [slot, word] as const)).sort((a, b) => b[1].length - a[1].length);

/** Words that belong to the number before them: `8 million`, `800万 円`, `120k USD`. */
const TRAILING = /^(?:k|m|mn|mil|b|bn|thousands?|millions?|billions?|trillions?|万|億|兆|円|yen|jpy|usd|eur|gbp|thb|myr|baht|ringgit)$/i;
/** Separators between amounts: the ideographic comma always, a comma unless it stands between digits (8,000,000). */
const SEPARATOR = /、|;|,(?!\d)|(?<!\d),/;

function labelOf(token: string): { slot: FigureSlot; rest: string } | undefined {
  const lower = token.toLowerCase();
  for (const [slot, word] of labelWords) {
    if (lower.startsWith(word.toLowerCase())) {
      const rest = token.slice(word.length).replace(/^[:：=]/, "");
      // "income" or "年収800万", but not "investment800" read as "invest" + "ment800".
      if (rest === "" || /^[-+−¥$€£฿\d０-９]|^RM/i.test(rest)) return { slot, rest };
    }
  }
  return undefined;
}

export interface ReadFigures {
  values: Partial<Record<FigureSlot, string>>;
}

/**
 * Sorts what was typed into the four figures. Each value arrives in the option it was bound to (by name or by
 * position); inside it, `、`, `，` and commas that do not group digits separate amounts, labels say which figure
 * an amount is (`年収800万 資産3000万`, `income 8m assets 30m`), and `8 million` is one amount. An unlabelled
 * amount keeps its option when that is free and one the regime reads, else takes the next free one in `order`.
 */
export function readFigures(bound: Partial<Record<FigureSlot, string>>, order: readonly FigureSlot[]): Partial<Record<FigureSlot, string>> {
  const tokens: Array<{ slot: FigureSlot; text: string }> = [];
  // `8 million 30 million` arrives spread over four options by position; once a unit word joins a number from
  // another option, positions say nothing, and the amounts fill the figures in order.
  let shifted = false;
  for (const slot of FIGURE_SLOTS) {
    const value = bound[slot];
    if (value === undefined) continue;
    for (const piece of value.normalize("NFKC").split(SEPARATOR)) {
      for (const word of piece.trim().split(/\s+/).filter(Boolean)) {
        const last = tokens.at(-1);
        if (last && TRAILING.test(word) && /\d$/.test(last.text)) {
          last.text += word; // a unit word never stands alone
          shifted ||= last.slot !== slot;
        } else tokens.push({ slot, text: word });
      }
    }
  }

  const labelled: Partial<Record<FigureSlot, string>> = {};
  const loose: Array<{ slot: FigureSlot; text: string }> = [];
  const give = (slot: FigureSlot, text: string): void => {
    if (labelled[slot] !== undefined) throw new UserError(`${slot} is given twice: give each figure once.`, { key: "amounts.twice", values: { option: slot } });
    labelled[slot] = text;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as { slot: FigureSlot; text: string };
    const label = labelOf(token.text);
    if (!label) {
      loose.push(token);
      continue;
    }
    if (label.rest !== "") {
      give(label.slot, label.rest);
      continue;
    }
    const next = tokens[i + 1];
    if (next === undefined || labelOf(next.text)) throw new UserError(`${token.text} has no amount after it: e.g. ${token.text} 800万`, { key: "amounts.noAmountAfter", values: { word: token.text } });
    give(label.slot, next.text);
    i++;
  }

  const values = { ...labelled };
  for (const { slot, text } of loose) {
    const target = !shifted && order.includes(slot) && values[slot] === undefined ? slot : order.find((s) => values[s] === undefined);
    if (target === undefined) throw new UserError(`Too many amounts: ${order.join(", ")} are all given.`, { key: "amounts.tooMany", values: { options: order.join(", ") } });
    values[target] = text;
  }
  return values;
}
