import type { BlockResult, LessonCode, RunRequest } from "../../../lessons/kit/run.ts";

// What the page and the Run button's worker say to each other. A lesson's runnable blocks come
// from the build (site/src/runner/data.ts) as the lesson core describes them, with their code.

export type { BlockResult, RunBlock, RunRequest } from "../../../lessons/kit/run.ts";

/** A lesson as the Run button gets it: run/NN-slug.json. */
export type LessonData = LessonCode;

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
