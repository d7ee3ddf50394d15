import { Capture } from "../../../lessons/kit/capture.ts";
import { checkImport } from "../../../lessons/kit/steps.ts";
import { checkFigure } from "../../../lessons/kit/show.ts";
import { errorText, runThrowsBlock } from "../../../lessons/kit/throws.ts";
import { format } from "./format.ts";
import type { BlockResult, RunRequest } from "./lesson.ts";
import { CompileError, compileProgram, type BlockPlace, type Program } from "./program.ts";

// The runtime of a run in the browser, the worker's twin of the kit's runtime.ts: it compiles
// the blocks (program.ts), loads what they import, runs them in one scope, captures what each
// prints (formatted as Node formats it) and shows, and reports each block as it ends. It uses no
// DOM, so tests run it in Node.

export interface RunOptions {
  /** Loads a module the blocks import (`@gradbook/autograd`, `vitest` …). */
  import(specifier: string): Promise<unknown>;
  report(result: BlockResult): void;
  /** Told of a long computation's progress, as the packages report it (see below). */
  progress?(index: number, done: number, total: number): void;
  /** How often a long block reports what it has printed so far, or its progress, in ms. @default 250 */
  partialEvery?: number;
}

const NAME = "gradbook-run.js";
type Body = (rt: unknown, require: (specifier: string) => unknown, console: unknown, show: unknown) => Promise<void>;
const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => Body;

/** Runs blocks 1..upTo+1 to the end or their first failure. Returns whether every block passed. */
export async function runBlocks(request: RunRequest, options: RunOptions): Promise<boolean> {
  const { lesson, upTo } = request;
  const captures = lesson.blocks.slice(0, upTo + 1).map(() => new Capture());
  let current = 0;
  // What block `index` captured since its last report (only what is new: a long block's output
  // is not sent again and again).
  const news = (index: number, done: boolean): BlockResult => ({ index, ...captures[index]!.take(), done });
  const fail = (error: unknown, at?: BlockPlace) => {
    const index = at && error instanceof CompileError ? at.block : current;
    options.report({ ...news(index, true), error: errorText(error), ...(at ? { at } : {}) });
    return false;
  };
  let program: Program;
  let modules: Map<string, unknown>;
  try {
    program = compileProgram(lesson.blocks.slice(0, upTo + 1));
  } catch (error) {
    return fail(error, error instanceof CompileError ? error.place : undefined);
  }
  try {
    modules = await load(request, program, options);
  } catch (error) {
    return fail(error, (error as { place?: BlockPlace }).place);
  }

  let lastReport = Date.now();
  const partialEvery = options.partialEvery ?? 250;
  const due = () => Date.now() - lastReport > partialEvery && (lastReport = Date.now()) > 0;
  // A synchronous training loop blocks the worker's timers: report on elapsed time instead.
  const print = (...args: unknown[]) => {
    captures[current]!.print(format(...args) + "\n");
    if (due()) options.report(news(current, false));
  };
  for (const module of modules.values()) listen(module, (done, total) => (done === total || due()) && options.progress?.(current, done, total));
  const rt = {
    enter(index: number) {
      if (index > 0) finish(index - 1);
      current = index;
    },
    async throws(index: number, body: () => Promise<void>) {
      const result = await runThrowsBlock(body, lesson.blocks[index]!.pattern);
      if (result.reason !== undefined) throw new Error(result.reason);
      print(result.message);
    },
  };
  const finish = (index: number) => {
    options.report(news(index, true));
    lastReport = Date.now();
  };
  const require = (specifier: string) => modules.get(specifier);
  const console = { log: print, info: print, warn: print, error: print, debug: print };
  const show = (figure: unknown) => {
    captures[current]!.show(checkFigure(figure));
    if (due()) options.report(news(current, false));
  };
  try {
    await new AsyncFunction("__rt", "require", "console", "show", `${program.code}\n//# sourceURL=${NAME}`)(rt, require, console, show);
  } catch (error) {
    return fail(error, await place(error, program));
  } finally {
    for (const module of modules.values()) listen(module, undefined);
  }
  finish(current);
  return true;
}

/** Loads the modules the program requires, each checked against the lesson's step first. */
async function load(request: RunRequest, program: Program, options: RunOptions): Promise<Map<string, unknown>> {
  const modules = new Map<string, unknown>();
  await Promise.all(
    program.requires.map(async ({ specifier, line }) => {
      const at = program.origin(line);
      try {
        checkImport(request.lesson.file, request.lesson.blocks[at?.block ?? 0]!.line, request.lesson.package, specifier);
        modules.set(specifier, await options.import(specifier));
      } catch (error) {
        throw Object.assign(error as Error, { place: at });
      }
    }),
  );
  return modules;
}

/**
 * A package whose long computations report progress exports `onProgress(listener)`
 * (`@gradbook/train`: its sweep, once per seed). The runtime listens while blocks run.
 */
function listen(module: unknown, listener: ((done: number, total: number) => void) | undefined): void {
  const onProgress = (module as { onProgress?: unknown } | undefined)?.onProgress;
  if (typeof onProgress === "function") onProgress(listener);
}

let offset: number | undefined;

/** Where in the blocks an error was thrown: the program's topmost frame in its stack. */
async function place(error: unknown, program: Program): Promise<BlockPlace | undefined> {
  // The engine numbers the lines of a function's source after a header of its own: measure it.
  offset ??= lineIn(await probe()) ?? 1;
  const line = lineIn(error);
  return line === undefined ? undefined : program.origin(line - offset + 1);
}

async function probe(): Promise<unknown> {
  try {
    await new AsyncFunction("__rt", "require", "console", "show", `throw new Error();\n//# sourceURL=${NAME}`)(null, () => null, null, null);
  } catch (error) {
    return error;
  }
  return undefined;
}

function lineIn(error: unknown): number | undefined {
  const match = new RegExp(`${NAME.replace(".", "\\.")}:(\\d+):\\d+`).exec((error as Error | undefined)?.stack ?? "");
  return match ? Number(match[1]) : undefined;
}
