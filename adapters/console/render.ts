import type { ReplyMessage } from "../../src/core/command.js";

/**
 * A reply as plain text for a terminal:
 *
 *   Title
 *   text, as many lines as it has
 *   Field: value
 *   Source: https://...
 */
export function renderReply(message: ReplyMessage): string {
  const lines: string[] = [];
  if (message.title) lines.push(message.title);
  if (message.text) lines.push(message.text);
  for (const field of message.fields ?? []) lines.push(`${field.name}: ${field.value}`);
  if (message.link) lines.push(`${message.link.label ?? "Link"}: ${message.link.url}`);
  if (message.footer) lines.push(message.footer);
  return safe(lines.join("\n"));
}

// Replies can echo what someone typed: drop C0/C1 controls (an ESC could drive the terminal) and bidi
// overrides (could reorder a line), but keep the line breaks that separate the parts.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const safe = (text: string): string => text.replace(UNSAFE, "");

/** Text from a feed or a user made safe for one terminal line. */
export const terminalSafe = (text: string): string => safe(text).replace(/\s+/g, " ").trim();
