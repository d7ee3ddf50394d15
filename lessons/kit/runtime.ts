import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "node:util";
import type { BlockMeta } from "./block.ts";
import { Capture } from "./capture.ts";
import { LessonError } from "./errors.ts";
import type { Figure } from "./figure.ts";
import { checkBlock } from "./outcome.ts";
import { checkFigure } from "./show.ts";
import { runThrowsBlock } from "./throws.ts";

// What a compiled lesson calls while it runs in vitest: it advances the lesson one block per
// test, captures what each block prints and shows (the core's capture.ts), checks it with the
// core's one output check (outcome.ts), and names the lesson's line in every failure.

/** What one block did: the site renders it under the block. */
export interface BlockRecord {
  line: number;
  output: string;
  figures: Figure[];
  error?: string;
}

/** The bindings every lesson's code sees besides its own. */
export interface LessonScope {
  console: Pick<Console, "log" | "info" | "warn" | "error" | "debug">;
  /** Shows a figure under the block. */
  show(figure: Figure): void;
}

interface TestContext {
  skip(note?: string): void;
}

/** The runtime of one lesson module. */
export function lesson(meta: { file: string; path: string; blocks: BlockMeta[] }) {
  const records: BlockRecord[] = meta.blocks.map((b) => ({
    line: b.line,
    output: "",
    figures: [],
  }));
  const captures = meta.blocks.map(() => new Capture());
  let current = 0;
  let failed: BlockMeta | undefined;
  // GRADBOOK_UPDATE=1 (`pnpm lessons:update`) rewrites output blocks that differ instead of failing.
  const updating = process.env.GRADBOOK_UPDATE === "1";
  const rewrites: { line: number; text: string }[] = [];
  const print = (...args: unknown[]) => captures[current]!.print(format(...args) + "\n");
  // A failure the runtime finds itself is located at the lesson's line, not in this file.
  const at = (line: number, reason: string) => {
    const error = new LessonError(meta.file, line, reason);
    error.stack = `${error.name}: ${error.message}\n    at ${meta.path}:${line}:1`;
    return error;
  };

  const scope: LessonScope = {
    console: { log: print, info: print, warn: print, error: print, debug: print },
    show(figure) {
      captures[current]!.show(checkFigure(figure));
    },
  };

  /** Locates an error at the lesson line its stack points to (source-mapped), or at the block. */
  function locate(error: unknown, block: BlockMeta): Error {
    if (error instanceof LessonError) return error;
    const err = error instanceof Error ? error : new Error(String(error));
    const escaped = meta.file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const frame = new RegExp(`${escaped}:(\\d+)`).exec(err.stack ?? "");
    const line = frame ? Number(frame[1]) : block.line;
    const heading = `${err.name}: ${err.message}`;
    err.message = `${meta.file}:${line}: ${err.message}`;
    if (err.stack?.startsWith(heading))
      err.stack = `${err.name}: ${err.message}${err.stack.slice(heading.length)}`;
    return err;
  }

  function checkOutput(block: BlockMeta, printed: string): void {
    const mismatch = checkBlock(block, printed);
    if (!mismatch) return;
    if (updating && block.output)
      return void rewrites.push({ line: block.output.line, text: printed });
    throw at(mismatch.line, mismatch.reason);
  }

  return {
    scope,

    /** Runs block `index` (the generator's next step). */
    async step(steps: AsyncGenerator, index: number, ctx: TestContext): Promise<void> {
      const block = meta.blocks[index]!;
      if (failed) return ctx.skip(`not run: the block at line ${failed.line} failed`);
      current = index;
      const record = records[index]!;
      const take = () =>
        Object.assign(record, {
          output: captures[index]!.text(),
          figures: captures[index]!.figures,
        });
      try {
        await steps.next();
        checkOutput(block, take().output);
      } catch (error) {
        take();
        failed = block;
        const located = locate(error, block);
        record.error = located.message;
        throw located;
      }
    },

    /** Runs a ```ts throws block: it must throw (an error matching the pattern, if any). */
    async throws(index: number, body: () => Promise<void>): Promise<void> {
      const block = meta.blocks[index]!;
      const result = await runThrowsBlock(body, block.pattern);
      if (result.reason !== undefined) throw at(block.line, result.reason);
      print(result.message);
    },

    /**
     * Rewrites the output blocks that differed (update mode), then writes what each block printed
     * and showed, for the site, into the folder GRADBOOK_RECORD names, else into `folder`, if any.
     */
    finish(folder = ""): void {
      if (rewrites.length) rewriteOutputs(meta.path, rewrites);
      folder = process.env.GRADBOOK_RECORD || folder;
      if (!folder) return;
      mkdirSync(folder, { recursive: true });
      writeFileSync(
        recordPath(folder, meta.file),
        JSON.stringify({ file: meta.file, blocks: records }, null, 1),
      );
    },
  };
}

/** Where a lesson's record goes in a records folder: `lessons/01-chain-rule.md` → `lessons__01-chain-rule.json`. */
export function recordPath(folder: string, file: string): string {
  return join(folder, file.replaceAll("/", "__").replace(/\.md$/, ".json"));
}

/** Replaces the text of the ```text output blocks whose fences open at the given 1-based lines. */
function rewriteOutputs(path: string, rewrites: { line: number; text: string }[]): void {
  const lines = readFileSync(path, "utf8").split("\n");
  for (const { line, text } of rewrites.sort((a, b) => b.line - a.line)) {
    const close = lines.findIndex((l, i) => i >= line && l.trim() === "```");
    if (close < 0) throw new Error(`${path}:${line}: no closing fence for this output block`);
    lines.splice(line, close - line, ...text.replace(/\n$/, "").split("\n"));
  }
  writeFileSync(path, lines.join("\n"));
}
