// The Run button's worker, a thin host of the lesson core (lessons/kit/run.ts): it runs the
// blocks the page sends, formatting what they print as Node does (format.ts) and handing
// them the project's packages from a table bundled with the site (import maps do not reach into
// workers). A fresh worker per run: the page ends it to stop a run.
//
// The reader's code runs in this worker's global scope, so it can post messages too: the
// runtime answers only on the port the page sent with the run, which that code never sees (the
// page ignores the worker's own channel), and it keeps its own reference to the port's
// postMessage, which the code cannot replace.

import { modules } from "virtual:gradbook-modules";
import type { RunStart, WorkerMessage } from "./lesson.ts";
import { runBlocks } from "../../../lessons/kit/run.ts";
import { format } from "./format.ts";

// The worker's global scope, typed here so this file can share the DOM lib with the page's code.
const scope = self as unknown as {
  addEventListener(
    type: "message",
    listener: (event: MessageEvent<RunStart>) => void,
    options?: { once: boolean },
  ): void;
};

function load(specifier: string): Promise<unknown> {
  const loader = modules[specifier];
  if (!loader)
    return Promise.reject(
      new Error(`the page cannot import "${specifier}": it has ${Object.keys(modules).join(", ")}`),
    );
  return loader();
}

/**
 * Requests to other hosts are refused by the content security policy the server sends with this
 * script; on a static host without that header the worker has no policy (a page's <meta> does not
 * reach workers), so the obvious ways out are replaced here too, and so are the ways to start
 * another worker (which would have none of this) or to close this one (the page would wait for
 * a run that can no longer answer). Each now throws an error that says why.
 */
const NETWORK = "a run in the page cannot use the network";
const REFUSED: Record<string, string> = {
  fetch: NETWORK,
  XMLHttpRequest: NETWORK,
  WebSocket: NETWORK,
  EventSource: NETWORK,
  WebTransport: NETWORK,
  importScripts: "a run in the page cannot load scripts",
  caches: NETWORK,
  Worker: "a run in the page cannot start other workers",
  SharedWorker: "a run in the page cannot start other workers",
  close: "a run ends when its last block ends, or with Stop",
};

function refuse(): void {
  const global = self as unknown as Record<string, unknown>;
  for (const [name, why] of Object.entries(REFUSED)) {
    for (let owner: object | null = global; owner; owner = Object.getPrototypeOf(owner)) {
      if (Object.hasOwn(owner, name)) delete (owner as Record<string, unknown>)[name];
    }
    // A declared function, not an arrow: `new Worker(…)` must reach the message too.
    function refused(): never {
      throw new Error(`${name}: ${why}`);
    }
    Object.defineProperty(global, name, { value: refused, configurable: false, writable: false });
  }
}

scope.addEventListener(
  "message",
  async (event) => {
    const { run, request } = event.data;
    const port = event.ports[0]!;
    const post = MessagePort.prototype.postMessage.bind(port) as (message: WorkerMessage) => void;
    refuse();
    let ok = false;
    try {
      ok = await runBlocks(request, {
        format,
        import: load,
        report: (result) => post({ run, type: "block", ...result }),
        progress: (index, done, total) => post({ run, type: "progress", index, done, total }),
      });
    } catch {
      // The reader's code broke the runtime itself (it can replace any built-in): the run ends.
    }
    post({ run, type: "done", ok });
  },
  { once: true },
);
