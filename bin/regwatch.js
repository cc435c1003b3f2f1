#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm install` through the prepare script).
import { main } from "../dist/src/cli.js";

// Once main() has answered, the command is over: a client library still retrying a dead server in the
// background (an unanswered request, a gateway reconnect) must not keep the process alive. A pipe that is full
// (`regwatch analyze --json | jq` on a large batch) takes writes asynchronously, so leave only once what was
// written has gone out.
const code = await main(process.argv.slice(2));
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => {
  if (stream.writableLength === 0 || stream.destroyed) resolve();
  else stream.write("", () => resolve());
})));
process.exit(code);
