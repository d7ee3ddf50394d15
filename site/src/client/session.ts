import { Capture, OUTPUT_LIMITS } from "../../../lessons/kit/capture.ts";
import type { Figure } from "../../../lessons/kit/figure.ts";
import type { BlockResult, RunRequest, RunStart, WorkerMessage } from "./lesson.ts";

// One run in the page: a fresh Web Worker, the blocks sent to it with a port of their own, its
// reports checked and passed on. The worker runs a reader's code, so nothing it sends is trusted:
// only well-formed messages of this run, on its port, for a block in order, are taken, and what
// a block prints is capped here again. A run ends when the worker says so, when the reader
// presses Stop, when the running block has brought nothing new for `quietMs`, or after `totalMs`
// in all: ending the worker ends an endless loop, and the page never waits on it.

/** A block's result as the page holds it: everything the block captured so far. */
export interface BlockState {
  index: number;
  capture: Capture;
  /** The figures the last report brought (to add to the page). */
  newFigures: Figure[];
  /** The text the last report brought, and the number of its first line in the block's output. */
  newOutput: string;
  newOutputLine: number;
  error?: string;
  at?: BlockResult["at"];
  done: boolean;
}

export interface RunEvents {
  block(state: BlockState): void;
  progress(index: number, done: number, total: number): void;
  /** The run ended: `ok` when every block passed, with a message for the reader. */
  end(ok: boolean, message: string): void;
}

export interface RunLimits {
  /** How long the running block may bring nothing new (output, a figure, progress, its end). */
  quietMs: number;
  /** How long the whole run may take. */
  totalMs: number;
}

/** A run under way. */
export interface Run {
  stop(): void;
}

let runs = 0;

/** What of a block's error the page keeps, and of a figure's text alternative, in characters. */
const MAX_ERROR = 10_000;
const MAX_ALT = 2_000;

/** `text`, or its first `max` characters and how many more there were. */
function capped(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… (${(text.length - max).toLocaleString("en-US")} more characters)`;
}

/** Starts a run of `request` in a worker from `workerUrl`. */
export function startRun(
  workerUrl: URL,
  request: RunRequest,
  limits: RunLimits,
  events: RunEvents,
): Run {
  const started = performance.now();
  const run = ++runs;
  const worker = new Worker(workerUrl, { type: "module" });
  const channel = new MessageChannel();
  const states: BlockState[] = request.lesson.blocks.slice(0, request.upTo + 1).map((_, index) => ({
    index,
    capture: new Capture(),
    newFigures: [],
    newOutput: "",
    newOutputLine: 0,
    done: false,
  }));
  let running = 0; // the block under way: reports for earlier blocks are refused
  let ended = false;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  const line = () => request.lesson.blocks[running]!.line;
  const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
  const end = (ok: boolean, message: string) => {
    if (ended) return;
    ended = true;
    clearTimeout(quiet);
    clearTimeout(total);
    channel.port1.close();
    worker.terminate();
    events.end(ok, message);
  };
  const watch = () => {
    clearTimeout(quiet);
    quiet = setTimeout(() => {
      const past = states[running]!.capture.moreLines
        ? ` printed only past its output limit (${OUTPUT_LIMITS.lines.toLocaleString("en-US")} lines or ${OUTPUT_LIMITS.chars.toLocaleString("en-US")} characters) and`
        : " printed nothing and";
      end(
        false,
        `Stopped after ${seconds(limits.quietMs)}: the block at line ${line()}${past} reported no progress in that time.`,
      );
    }, limits.quietMs);
  };
  const total = setTimeout(
    () =>
      end(
        false,
        `Stopped after ${seconds(limits.totalMs)}, the time limit of a run, at the block at line ${line()}.`,
      ),
    limits.totalMs,
  );
  const ignore = (why: string, message: unknown) =>
    console.warn(`gradbook: ignored a message from the run's worker (${why}):`, message);

  channel.port1.addEventListener("message", (event: MessageEvent<unknown>) => {
    if (ended) return;
    const message = event.data;
    const why = invalid(message, run, running, states.length);
    if (why) return ignore(why, message);
    const m = message as WorkerMessage;
    if (m.type === "block") {
      const state = states[m.index]!;
      running = m.index;
      const before = { output: state.capture.output.length, figures: state.capture.figures.length };
      state.newOutputLine = lineCount(state.capture.output);
      state.capture.print(m.output);
      state.capture.errorLines.push(...m.errorLines);
      for (const { svg, alt } of m.figures) state.capture.show({ svg, alt: capped(alt, MAX_ALT) });
      // The worker's counts past its limits, plus what this page dropped of its own.
      state.capture.moreLines = Math.max(state.capture.moreLines, m.moreLines);
      state.capture.moreFigures = Math.max(state.capture.moreFigures, m.moreFigures);
      state.newOutput = state.capture.output.slice(before.output);
      state.newFigures = state.capture.figures.slice(before.figures);
      if (m.error !== undefined) state.error = capped(m.error, MAX_ERROR);
      if (m.at) state.at = m.at;
      state.done = m.done;
      // Only news keeps a run alive: output past the limit does not.
      if (state.newOutput || state.newFigures.length || m.done) watch();
      events.block(state);
      if (m.done && !m.error && m.index < states.length - 1) running = m.index + 1;
      if (m.error) end(false, `Stopped at the block at line ${line()}: it failed.`);
    } else if (m.type === "progress") {
      if (m.index !== running) return ignore("progress of a block not running", message);
      watch();
      events.progress(m.index, m.done, m.total);
    } else if (m.ok && states.every((s) => s.done && s.error === undefined)) {
      end(true, `Ran in ${Math.round(performance.now() - started)} ms.`);
    } else if (m.ok) {
      ignore("done before every block reported its end", message);
    } else {
      end(false, `Stopped at the block at line ${line()}: it failed.`);
    }
  });
  channel.port1.start();
  // The reader's code can post on the worker's own channel: say once that it is not listened to.
  worker.addEventListener(
    "message",
    (event) => ignore("posted by the run's code, not its runtime", event.data),
    { once: true },
  );
  worker.addEventListener("error", (event) => {
    event.preventDefault(); // reported here, not as the page's own uncaught error
    // An ErrorEvent with a message: code the blocks left behind (a timer, a callback) threw.
    end(
      false,
      event.message
        ? `Stopped: code the blocks left running (a timer or a callback) threw ${capped(event.message.replace(/^Uncaught /, ""), 300)}.`
        : "Could not run: the worker failed to load.",
    );
  });
  const start: RunStart = { run, request };
  worker.postMessage(start, [channel.port2]);
  watch();
  return { stop: () => end(false, `Stopped at the block at line ${line()}.`) };
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const isFigure = (f: unknown): f is Figure =>
  typeof (f as Figure | null)?.svg === "string" && typeof (f as Figure).alt === "string";

/** Why a message is not one this run's runtime would send now, or undefined if it is. */
function invalid(
  message: unknown,
  run: number,
  running: number,
  blocks: number,
): string | undefined {
  const m = message as Partial<Record<string, unknown>> | null;
  if (typeof m !== "object" || m === null) return "not an object";
  if (m.run !== run) return "another run's";
  if (m.type === "done") return typeof m.ok === "boolean" ? undefined : "a malformed end";
  if (!isCount(m.index) || m.index >= blocks) return "no such block";
  if (m.type === "progress")
    return isCount(m.done) && isCount(m.total) ? undefined : "malformed progress";
  if (m.type !== "block") return "an unknown type";
  if (m.index < running) return "a block that has ended";
  if (typeof m.output !== "string" || !Array.isArray(m.figures) || !m.figures.every(isFigure))
    return "malformed output";
  if (!isCount(m.moreLines) || !isCount(m.moreFigures) || typeof m.done !== "boolean")
    return "malformed counts";
  if (!Array.isArray(m.errorLines) || !m.errorLines.every(isCount)) return "malformed error lines";
  if (m.error !== undefined && typeof m.error !== "string") return "a malformed error";
  const at = m.at as { block?: unknown; line?: unknown } | undefined;
  if (at !== undefined && !(isCount(at.block) && at.block < blocks && isCount(at.line)))
    return "a malformed place";
  return undefined;
}
