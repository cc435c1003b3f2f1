import { createServer, connect, type AddressInfo, type Socket } from "node:net";

/**
 * A loopback TCP proxy in front of a real server, to take the server away and bring it back without
 * touching it: `down()` drops every connection and refuses new ones, `hang()` keeps connections open but
 * passes nothing (a host that stopped answering), `up()` forwards again.
 */
export interface TcpProxy {
  port: number;
  /** The server's URL with the proxy's port. */
  url(serverUrl: string): string;
  down(): void;
  hang(): void;
  up(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
  let mode: "up" | "down" | "hang" = "up";
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    if (mode === "down") return void client.destroy();
    const upstream = connect(port, host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    client.on("data", (d) => mode === "up" && upstream.write(d));
    upstream.on("data", (d) => mode === "up" && client.write(d));
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const own = (server.address() as AddressInfo).port;
  return {
    port: own,
    url(serverUrl) {
      const url = new URL(serverUrl);
      url.hostname = "127.0.0.1";
      url.port = String(own);
      return url.toString();
    },
    down() {
      mode = "down";
      for (const s of sockets) s.destroy();
    },
    hang() {
      mode = "hang";
    },
    up() {
      mode = "up";
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
