import { lineDiff } from "../../../lessons/kit/diff.ts";

// A reader's edits as a link: the edited blocks, by the line of their fence, in the URL's
// fragment (`#edits=…`, base64url of their JSON). Browsers never send a fragment to a server.
// Whoever opens the link sees each shared block as a read-only diff against the lesson, and
// nothing runs until they press Edit (the code is someone else's).

const PREFIX = "#edits=";
/** A link longer than this is refused: no lesson's edits need it. */
const MAX_CHARS = 200_000;

/** The link to this page with `edits` in its fragment. */
export function shareLink(edits: ReadonlyMap<number, string>): string {
  const json = JSON.stringify(Object.fromEntries(edits));
  const bytes = new TextEncoder().encode(json);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const encoded = btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
  return `${location.origin}${location.pathname}${PREFIX}${encoded}`;
}

/**
 * The edits a link's fragment holds, for blocks at `lines`; undefined when it holds none, or a
 * message saying why they cannot be read.
 */
export function sharedEdits(
  hash: string,
  lines: readonly number[],
): Map<number, string> | string | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  const encoded = hash.slice(PREFIX.length);
  if (encoded.length > MAX_CHARS)
    return `the link's edits are longer than ${MAX_CHARS.toLocaleString("en-US")} characters`;
  let parsed: unknown;
  try {
    const binary = atob(encoded.replaceAll("-", "+").replaceAll("_", "/"));
    parsed = JSON.parse(
      new TextDecoder("utf-8", { fatal: true }).decode(
        Uint8Array.from(binary, (c) => c.charCodeAt(0)),
      ),
    );
  } catch {
    return "the link's edits are not in the form this page writes them";
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return "the link's edits are not a list of blocks";
  const edits = new Map<number, string>();
  for (const [line, code] of Object.entries(parsed)) {
    if (!lines.includes(Number(line)) || typeof code !== "string")
      return `the link edits a block this lesson does not have (line ${line.slice(0, 10)})`;
    edits.set(Number(line), code);
  }
  return edits;
}

/** A read-only view of a shared edit under a block: its diff against the lesson's code. */
export function sharedView(original: string, shared: string): HTMLElement {
  const view = document.createElement("div");
  view.className = "shared-edit";
  const note = document.createElement("p");
  note.className = "run-note";
  note.textContent =
    "The link you opened changes this block (− the lesson, + the link). It runs only if you press Edit, then Run.";
  const diff = document.createElement("pre");
  diff.className = "diff";
  diff.tabIndex = 0;
  for (const line of lineDiff(original.replace(/\n+$/, ""), shared.replace(/\n+$/, "")).split(
    "\n",
  )) {
    const span = document.createElement("span");
    if (line.startsWith("- ")) span.className = "del";
    if (line.startsWith("+ ")) span.className = "ins";
    span.textContent = line + "\n";
    diff.append(span);
  }
  view.append(note, diff);
  return view;
}
