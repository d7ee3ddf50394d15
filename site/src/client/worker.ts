// The Run button's worker: imports a compiled lesson (site/src/runner/compile.ts) and runs it,
// handing it the project's packages from a table bundled with the site (import maps do not
// reach into workers). The page terminates the worker at its time limit.

import { modules } from "virtual:gradbook-modules";
import type { WorkerMessage } from "./run.ts";
import { runLesson, type LessonModule } from "./runtime.ts";

// The worker's global scope, typed here so this file can share the DOM lib with the page's code.
const scope = self as unknown as {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: "message", listener: (event: MessageEvent<{ url: string }>) => void): void;
};

function load(specifier: string): Promise<unknown> {
  const loader = modules[specifier];
  if (!loader) return Promise.reject(new Error(`the browser runner cannot import "${specifier}"`));
  return loader();
}

scope.addEventListener("message", async (event) => {
  try {
    const lesson = (await import(/* @vite-ignore */ event.data.url)) as LessonModule;
    const ok = await runLesson(lesson, { import: load, report: (result) => scope.postMessage({ type: "block", ...result }) });
    scope.postMessage({ type: "done", ok });
  } catch (error) {
    scope.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
});
