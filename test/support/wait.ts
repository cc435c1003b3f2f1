/** Polls `check` until it holds; fails after `timeoutMs` with what was awaited and `detail()` (a child's stderr, say). */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 15_000, detail: () => string = () => ""): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) {
      const more = detail();
      throw new Error(`timed out waiting for ${what}${more ? `:\n${more}` : ""}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
