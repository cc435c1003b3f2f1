#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm install` through the prepare script).
import { main } from "../dist/src/cli.js";

// Once main() has answered, the command is over: a client library still retrying a dead server in the
// background (an unanswered request, a gateway reconnect) must not keep the process alive. stdout and stderr
// are synchronous for files and pipes, so nothing written is lost.
process.exit(await main(process.argv.slice(2)));
