/**
 * Runs `work` over items with at most `concurrency` at once and never two items of the same group
 * at once: feeds of one host are fetched one after another, so a regulator's server sees one request
 * at a time from us.
 */
export async function forEachGrouped<T>(
  items: readonly T[],
  groupOf: (item: T) => string,
  concurrency: number,
  work: (item: T) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = groupOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  // Longest groups first, so one busy host does not finish alone at the end.
  const queue = [...groups.values()].sort((a, b) => b.length - a.length);
  const worker = async (): Promise<void> => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const item of group) {
        if (shouldStop()) return;
        await work(item);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
