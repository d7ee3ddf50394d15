import type { CodeBlock } from "../../parse.ts";

// Ways to break one block of a lesson without moving any line, so that the line a failure
// reports can be checked against the lesson as written.

export const BROKEN = "broken on purpose";

/** How a block is broken: its code throws; its throws block completes; its output is changed. */
export type How = "throw" | "complete" | "output";

/**
 * A lesson's source with one block broken. Every line stays where it was. An output is changed by
 * putting `text` in place of its first line (by default, that line with a note appended).
 */
export function breakBlock(source: string, block: CodeBlock, how: How, text?: string): string {
  const lines = source.split("\n");
  const first = block.line; // 0-based index of the block's first line of code
  if (how === "throw") lines[first] = `throw new Error(${JSON.stringify(BROKEN)}); ${lines[first]}`;
  else if (how === "complete") lines[first] = `return; ${lines[first]}`;
  else {
    if (!block.output)
      throw new Error(`breakBlock: the block at line ${block.line} has no output block to change`);
    lines[block.output.line] = text ?? `${lines[block.output.line]} (${BROKEN})`;
  }
  return lines.join("\n");
}

/** The lessons to break in one run: each lesson's path, the line of the block, and how. */
export type Plan = Record<string, { line: number; how: How; text?: string }>;

/** The plan a run was given (in GRADBOOK_BREAK), or none. */
export function planFromEnv(): Plan {
  return JSON.parse(process.env.GRADBOOK_BREAK ?? "{}") as Plan;
}
