import type { CodeBlock } from "./parse.ts";

// What the lesson core needs to know of a runnable block (a ```ts or ```ts throws fence), as the
// test run and the page's worker hand it to run.ts. No node imports: the worker bundles this file.

/** A runnable block as the core sees it: where it is, what kind, what it must print or throw. */
export interface BlockMeta {
  /** Line of the opening fence. */
  line: number;
  kind: "run" | "throws";
  /** The ```text output block after it: the exact text it must print. */
  output?: { line: number; text: string };
  /** For ```ts throws=/pattern/: what the error's text must match. */
  pattern?: { source: string; flags: string };
}

/** Whether a block runs (```ts and ```ts throws do; ```ts no-run is only shown and type-checked). */
export function isRunnable(block: CodeBlock): boolean {
  return block.kind !== "no-run";
}

/** The core's view of a runnable block. */
export function blockMeta(block: CodeBlock): BlockMeta {
  const meta: BlockMeta = { line: block.line, kind: block.kind as BlockMeta["kind"] };
  if (block.output) meta.output = block.output;
  if (block.pattern) meta.pattern = { source: block.pattern.source, flags: block.pattern.flags };
  return meta;
}
