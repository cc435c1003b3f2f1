// `npm run bench [name...]`: runs every *.bench.js beside this file (or those named) and prints their figures.
// Each benchmark runs in a process of its own, so the memory and CPU figures it prints are its own.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith(".bench.js"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

if (benches.length === 1) {
  const file = benches[0]!;
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<void> };
  console.log(`\n## ${file.replace(/\.bench\.js$/, "")}`);
  await mod.run();
} else {
  for (const file of benches) {
    const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), file.replace(/\.bench\.js$/, "")], { stdio: "inherit" });
    if (result.status !== 0) process.exitCode = 1;
  }
}
