// The Run button's worker: compiles and runs the blocks the page sends (runtime.ts), handing
// them the project's packages from a table bundled with the site (import maps do not reach into
// workers). A fresh worker per run: the page ends it to stop a run.

import { modules } from "virtual:gradbook-modules";
import type { RunRequest, WorkerMessage } from "./lesson.ts";
import { runBlocks } from "./runtime.ts";

// The worker's global scope, typed here so this file can share the DOM lib with the page's code.
const scope = self as unknown as {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: "message", listener: (event: MessageEvent<RunRequest>) => void): void;
};

function load(specifier: string): Promise<unknown> {
  const loader = modules[specifier];
  if (!loader) return Promise.reject(new Error(`the page cannot import "${specifier}": it has ${Object.keys(modules).join(", ")}`));
  return loader();
}

scope.addEventListener("message", async (event) => {
  const ok = await runBlocks(event.data, {
    import: load,
    report: (result) => scope.postMessage({ type: "block", ...result }),
    progress: (index, done, total) => scope.postMessage({ type: "progress", index, done, total }),
  });
  scope.postMessage({ type: "done", ok });
});
