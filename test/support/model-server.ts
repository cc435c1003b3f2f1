import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One chat-completions request as the server read it. */
export interface ModelRequest {
  path: string;
  authorization: string | undefined;
  body: {
    model: string;
    messages: Array<{ role: string; content: string }>;
    response_format?: { type: string };
    stream?: boolean;
    max_tokens?: number;
  };
  /** The user message parsed as the JSON regwatch sends: the target language and the article. */
  task: { language: string; article: { title: string; text: string; source: string; published: string | null } };
}

/** How to answer: a content (wrapped in a completion), a refusal, or a raw status and body; optionally late. */
export interface ModelAnswer {
  content?: string;
  refusal?: string;
  status?: number;
  rawBody?: string;
  delayMs?: number;
  usage?: { prompt_tokens: number; completion_tokens: number };
}

export interface ModelServer {
  /** The base URL a client is given: `http://127.0.0.1:PORT/v1`. */
  baseUrl: string;
  requests: ModelRequest[];
  /** Replaces how the server answers. */
  answer(respond: (request: ModelRequest) => ModelAnswer): void;
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1, answering as the test says: a stand-in for
 * Ollama, vLLM or a hosted API, speaking the same JSON over real HTTP.
 */
export async function startModelServer(respond: (request: ModelRequest) => ModelAnswer = () => ({ content: "{}" })): Promise<ModelServer> {
  let answerWith = respond;
  const requests: ModelRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ModelRequest["body"];
      const user = body.messages.find((m) => m.role === "user")?.content ?? "{}";
      const request: ModelRequest = { path: req.url, authorization: req.headers.authorization, body, task: JSON.parse(user) as ModelRequest["task"] };
      requests.push(request);
      const answer = answerWith(request);
      const send = (): void => {
        if (res.destroyed) return;
        if (answer.status && answer.status !== 200) {
          res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.rawBody ?? JSON.stringify({ error: { message: `status ${answer.status}`, type: "server_error" } }));
          return;
        }
        if (answer.rawBody !== undefined) {
          res.writeHead(200, { "content-type": "application/json" }).end(answer.rawBody);
          return;
        }
        const usage = answer.usage ?? { prompt_tokens: Math.ceil(user.length / 4), completion_tokens: Math.ceil((answer.content ?? "").length / 4) };
        res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            id: `chatcmpl-${requests.length}`,
            object: "chat.completion",
            created: Math.floor(Date.now() / 1000),
            model: body.model,
            choices: [
              {
                index: 0,
                message: { role: "assistant", content: answer.refusal ? null : (answer.content ?? ""), refusal: answer.refusal ?? null },
                finish_reason: "stop",
              },
            ],
            usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
          }),
        );
      };
      if (answer.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send();
        }, answer.delayMs);
        timers.add(timer);
      } else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    answer(next) {
      answerWith = next;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The JSON a well-behaved model answers. */
export const modelJson = (title: string, summary: string): string => JSON.stringify({ title, summary });
