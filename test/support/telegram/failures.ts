/** What a chat answers instead of success, with Telegram's own status codes and wording. */
export type Failure =
  | { kind: "retry-after"; seconds: number }
  | { kind: "blocked" }
  | { kind: "kicked" }
  | { kind: "chat-not-found" }
  | { kind: "migrate"; to: number }
  | { kind: "server-error" };

export interface ApiErrorBody {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** An error a method handler throws to answer with this Bot API error. */
export function apiError(code: number, description: string, parameters?: ApiErrorBody["parameters"]): Error & { apiError: ApiErrorBody } {
  const body: ApiErrorBody = { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) };
  return Object.assign(new Error(description), { apiError: body });
}

export function failureResponse(failure: Failure): { status: number; body: ApiErrorBody } {
  const answer = (code: number, description: string, parameters?: ApiErrorBody["parameters"]) => ({
    status: code,
    body: apiError(code, description, parameters).apiError,
  });
  switch (failure.kind) {
    case "retry-after":
      return answer(429, `Too Many Requests: retry after ${failure.seconds}`, { retry_after: failure.seconds });
    case "blocked":
      return answer(403, "Forbidden: bot was blocked by the user");
    case "kicked":
      return answer(403, "Forbidden: bot was kicked from the supergroup chat");
    case "chat-not-found":
      return answer(400, "Bad Request: chat not found");
    case "migrate":
      return answer(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: failure.to });
    case "server-error":
      return answer(500, "Internal Server Error");
  }
}
