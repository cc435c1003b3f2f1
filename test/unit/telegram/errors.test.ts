import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { describeTelegramError, scrubToken, translateSendError } from "../../../adapters/telegram/errors.js";

const TOKEN = "123:TEST";
const apiError = (error_code: number, description: string, parameters: Record<string, number> = {}) =>
  new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code, description, parameters }, "sendMessage", { chat_id: 1 });

describe("translateSendError", () => {
  it("429 → retry-after with Telegram's seconds", () => {
    expect(translateSendError(apiError(429, "Too Many Requests: retry after 17", { retry_after: 17 }), TOKEN)).toMatchObject({ status: "retry-after", seconds: 17 });
  });

  it.each([
    [403, "Forbidden: bot was blocked by the user"],
    [403, "Forbidden: bot was kicked from the group chat"],
    [403, "Forbidden: user is deactivated"],
    [400, "Bad Request: chat not found"],
    [400, "Bad Request: not enough rights to send text messages to the chat"],
  ])("%i %s → gone", (code, description) => {
    const result = translateSendError(apiError(code, description), TOKEN);
    expect(result).toMatchObject({ status: "gone" });
    expect(result.status === "gone" && result.reason).toContain(description);
  });

  it("400 with migrate_to_chat_id → gone, moved to the supergroup", () => {
    const error = apiError(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: -1001234567890 });
    expect(translateSendError(error, TOKEN)).toMatchObject({ status: "gone", movedTo: "-1001234567890" });
  });

  it("5xx, other 400s and network errors → failed", () => {
    expect(translateSendError(apiError(500, "Internal Server Error"), TOKEN)).toMatchObject({ status: "failed" });
    expect(translateSendError(apiError(502, "Bad Gateway"), TOKEN)).toMatchObject({ status: "failed" });
    expect(translateSendError(apiError(400, "Bad Request: can't parse entities"), TOKEN)).toMatchObject({ status: "failed" });
    const network = new HttpError("Network request for 'sendMessage' failed!", new Error(`request to http://127.0.0.1:9/bot${TOKEN}/sendMessage failed, reason: connect ECONNREFUSED`));
    const result = translateSendError(network, TOKEN);
    expect(result).toMatchObject({ status: "failed" });
    expect(JSON.stringify(result)).toContain("ECONNREFUSED");
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });
});

describe("token scrubbing", () => {
  it("removes the token and any bot<id>:<secret> path", () => {
    expect(scrubToken(`GET /bot${TOKEN}/getMe`, TOKEN)).toBe("GET /bot<token>/getMe");
    expect(scrubToken("https://api.telegram.org/bot987654:AAExample-other_token/sendMessage", TOKEN)).not.toContain("AAExample");
    const wrapped = new HttpError("Network request for 'getUpdates' failed!", new TypeError(`fetch http://x/bot${TOKEN}/getUpdates`));
    expect(describeTelegramError(wrapped, TOKEN)).not.toContain(TOKEN);
  });
});
