// The runtime of a lesson run in the browser: the worker's twin of the kit's runtime.ts. It steps
// a compiled lesson block by block, captures what each prints (formatted as Node formats it) and
// shows, and reports each block as it finishes. It uses no DOM, so tests run it in Node.

import { errorText, runThrowsBlock } from "../../../lessons/kit/throws.ts";
import { format } from "./format.ts";

/** A runnable block of a compiled lesson (see site/src/runner/compile.ts). */
export interface BrowserBlock {
  line: number;
  kind: "run" | "throws";
  /** What the page shows under the block: the output the test run checked. */
  expected: string;
  pattern?: { source: string; flags: string };
}

/** A figure shown by lesson code: an SVG and its text alternative. */
export interface ShownFigure {
  svg: string;
  alt: string;
}

/** What one block did, reported while it runs (`done: false`) and when it ends. */
export interface BlockResult {
  index: number;
  line: number;
  expected: string;
  output: string;
  figures: ShownFigure[];
  error?: string;
  done: boolean;
}

/** What a compiled lesson module calls while it runs. */
export interface LessonRuntime {
  scope: { console: Pick<Console, "log" | "info" | "warn" | "error" | "debug">; show(figure: ShownFigure): void };
  import(specifier: string): Promise<unknown>;
  throws(index: number, body: () => Promise<void>): Promise<void>;
}

/** A compiled lesson module: its blocks, and a generator that runs one block per step. */
export interface LessonModule {
  blocks: BrowserBlock[];
  default(runtime: LessonRuntime): AsyncGenerator<void, void>;
}

export interface RunOptions {
  /** Loads a module a lesson imports (`@gradbook/autograd`, `vitest` …). */
  import(specifier: string): Promise<unknown>;
  report(result: BlockResult): void;
  /** How often a long block reports what it has printed so far, in ms. */
  partialEvery?: number;
}


/** Runs a compiled lesson to its end or its first failing block. Returns whether every block passed. */
export async function runLesson(lesson: LessonModule, options: RunOptions): Promise<boolean> {
  const results = lesson.blocks.map((b, index): BlockResult => ({ index, line: b.line, expected: b.expected, output: "", figures: [], done: false }));
  let current = 0;
  let lastReport = Date.now();
  const partialEvery = options.partialEvery ?? 250;
  const print = (...args: unknown[]) => {
    const result = results[current]!;
    result.output += format(...args) + "\n";
    // A synchronous training loop blocks the worker's timers: report on elapsed time instead.
    if (Date.now() - lastReport > partialEvery) {
      lastReport = Date.now();
      options.report({ ...result });
    }
  };
  const runtime: LessonRuntime = {
    scope: {
      console: { log: print, info: print, warn: print, error: print, debug: print },
      show(figure) {
        if (typeof figure?.svg !== "string" || !figure.alt) throw new TypeError("show: expected a figure { svg, alt }");
        results[current]!.figures.push({ svg: figure.svg, alt: figure.alt });
      },
    },
    import: options.import,
    async throws(index, body) {
      const result = await runThrowsBlock(body, lesson.blocks[index]!.pattern);
      if (result.reason !== undefined) throw new Error(result.reason);
      print(result.message);
    },
  };
  const steps = lesson.default(runtime);
  for (const result of results) {
    current = result.index;
    try {
      await steps.next();
    } catch (error) {
      options.report({ ...result, error: errorText(error), done: true });
      return false;
    }
    result.done = true;
    options.report({ ...result });
    lastReport = Date.now();
  }
  return true;
}
