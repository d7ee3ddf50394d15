// A reader's edits to a lesson's blocks, kept in localStorage until they reset them: one entry
// per lesson, block line → code. Storage can be off (private mode): edits then last for the page.

const key = (file: string) => `gradbook-edits:${file}`;

/** The stored edits of a lesson's blocks, by the line of each block's fence. */
export function loadEdits(file: string): Map<number, string> {
  try {
    const stored = JSON.parse(localStorage.getItem(key(file)) ?? "{}") as Record<string, string>;
    return new Map(Object.entries(stored).map(([line, code]) => [Number(line), code]));
  } catch {
    return new Map();
  }
}

/** Stores a block's edited code, or forgets it (`undefined`: the block is reset). */
export function saveEdit(file: string, line: number, code: string | undefined): void {
  const edits = loadEdits(file);
  if (code === undefined) edits.delete(line);
  else edits.set(line, code);
  try {
    if (edits.size) localStorage.setItem(key(file), JSON.stringify(Object.fromEntries(edits)));
    else localStorage.removeItem(key(file));
  } catch {
    // Storage is off: the edit lives in the open editor only.
  }
}
