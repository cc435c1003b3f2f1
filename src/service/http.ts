import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describeError } from "../core/errors.js";
import type { Logger } from "../core/ports.js";

export interface Readiness {
  ready: boolean;
  [detail: string]: unknown;
}

export interface OpsEndpointOptions {
  host: string;
  port: number;
  readiness(): Promise<Readiness>;
  metrics(): Promise<{ contentType: string; text: string }>;
  logger: Logger;
}

export interface OpsEndpoint {
  port: number;
  close(): Promise<void>;
}

/**
 * The operations endpoint: `/healthz` (the process answers), `/readyz` (200 or 503 with the details as
 * JSON) and `/metrics` (Prometheus text). A port that is taken is logged, not fatal: alerts matter more.
 */
export async function startOpsEndpoint(options: OpsEndpointOptions): Promise<OpsEndpoint | undefined> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0];
    const answer = async (): Promise<void> => {
      if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { allow: "GET, HEAD" }).end();
      if (path === "/healthz") return void res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
      if (path === "/readyz") {
        const readiness = await options.readiness();
        return void res.writeHead(readiness.ready ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(readiness) + "\n");
      }
      if (path === "/metrics") {
        const { contentType, text } = await options.metrics();
        return void res.writeHead(200, { "content-type": contentType }).end(text);
      }
      res.writeHead(404, { "content-type": "text/plain" }).end("not found: try /healthz, /readyz or /metrics\n");
    };
    answer().catch((error: unknown) => {
      options.logger.error(`ops endpoint ${path}: ${describeError(error)}`);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`error: ${describeError(error)}\n`);
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    options.logger.error(`ops endpoint: cannot listen on ${options.host}:${options.port}: ${describeError(error)}; running without it`);
    return undefined;
  }
  const { port } = server.address() as AddressInfo;
  options.logger.info(`ops endpoint on http://${options.host}:${port} (/healthz, /readyz, /metrics)`);
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
