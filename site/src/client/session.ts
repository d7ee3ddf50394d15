import type { BlockResult, RunRequest, WorkerMessage } from "./lesson.ts";

// One run in the page: a fresh Web Worker, the blocks sent to it, its messages passed on. It is
// stopped by the reader (Stop), or when the running block has printed nothing and reported no
// progress for `limitMs`: ending the worker ends an endless loop, and the page never waits on it.

export interface RunEvents {
  block(result: BlockResult): void;
  progress(index: number, done: number, total: number): void;
  /** The run ended: `ok` when every block passed, with a message for the reader. */
  end(ok: boolean, message: string): void;
}

/** A run under way. */
export interface Run {
  stop(): void;
}

/** Starts a run of `request` in a worker from `workerUrl`. */
export function startRun(workerUrl: URL, request: RunRequest, limitMs: number, events: RunEvents): Run {
  const started = performance.now();
  const worker = new Worker(workerUrl, { type: "module" });
  let running = 0; // the block under way
  let timer: ReturnType<typeof setTimeout> | undefined;
  const end = (ok: boolean, message: string) => {
    clearTimeout(timer);
    worker.terminate();
    events.end(ok, message);
  };
  const line = () => request.lesson.blocks[running]!.line;
  const watch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => end(false, `Stopped after ${limitMs / 1000} s: the block at line ${line()} printed nothing and reported no progress in that time.`), limitMs);
  };
  worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    watch();
    if (message.type === "block") {
      running = message.done && !message.error ? message.index + 1 : message.index;
      events.block(message);
    } else if (message.type === "progress") events.progress(message.index, message.done, message.total);
    else if (message.ok) end(true, `Ran in ${Math.round(performance.now() - started)} ms.`);
    else end(false, `Stopped at the block at line ${line()}: it failed.`);
  });
  worker.addEventListener("error", (event) => end(false, `Could not run: ${event.message || "the worker failed to load"}`));
  worker.postMessage(request);
  watch();
  return { stop: () => end(false, `Stopped at the block at line ${line()}.`) };
}
