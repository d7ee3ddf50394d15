import type { BlockMeta } from "../../../lessons/kit/block.ts";
import type { Figure } from "../../../lessons/kit/figure.ts";
import type { BlockPlace } from "./program.ts";

// What the page and the Run button's worker say to each other. A lesson's runnable blocks come
// from the build (site/src/runner/data.ts) as the kit describes them, with their code.

/** A runnable block: the kit's description of it (line, kind, output, pattern) and its code. */
export interface RunBlock extends BlockMeta {
  code: string;
}

/** A lesson as the Run button gets it: run/NN-slug.json. */
export interface LessonData {
  /** `lessons/NN-slug.md`: what errors and stored edits are named by. */
  file: string;
  /** The step package the lesson pairs with: it may import the packages up to that one. */
  package: string | null;
  blocks: RunBlock[];
}

/** What the page asks the worker: run blocks 1..`upTo`+1 of the lesson, as given (edited or not). */
export interface RunRequest {
  lesson: LessonData;
  upTo: number;
}

/**
 * What one block did since its last report: reported while it runs (`done: false`) and when it
 * ends. Output and figures are only what is new; the counts past the limits are totals.
 */
export interface BlockResult {
  index: number;
  output: string;
  figures: Figure[];
  /** Lines and figures past the limits (lessons/kit/capture.ts), so far. */
  moreLines: number;
  moreFigures: number;
  error?: string;
  /** Where the error happened, if the run could tell. */
  at?: BlockPlace;
  done: boolean;
}

/** What the page sends the worker: a run, and the port only the worker's runtime answers on. */
export interface RunStart {
  run: number;
  request: RunRequest;
}

/** Messages from the worker's runtime, on the run's port, each naming its run. */
export type WorkerMessage = { run: number } & (
  | ({ type: "block" } & BlockResult)
  | { type: "progress"; index: number; done: number; total: number }
  | { type: "done"; ok: boolean }
);
