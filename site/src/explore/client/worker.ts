// The explorer's worker: trains a `gradbook xor` run at the page's pace and posts what to draw,
// so a long run never blocks the page. Training goes in slices of a few milliseconds; between
// them the worker reads the page's commands (pause takes effect after the slice under way).

import { GRID, type Command, type Pace, type Snapshot } from "./protocol.ts";
import { planeOfPoints } from "./plane.ts";
import { sampleSurface } from "./surface.ts";
import { Trainer } from "./trainer.ts";

const scope = self as unknown as {
  postMessage(message: Snapshot, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<Command>) => void): void;
};

/** How long one slice of training may take before the worker looks at its messages again (ms). */
const SLICE_MS = 12;
/** How often, at most, a snapshot is sent while training (ms). */
const FRAME_MS = 100;
/**
 * The share of the page's thread its frames may take while training: a frame that cost the page
 * c ms is followed by the next no sooner than c / PAGE_SHARE ms after it. On a slow machine the
 * plots move less often and the page keeps answering its inputs.
 */
const PAGE_SHARE = 0.25;

let trainer: Trainer | undefined;
let pace: Pace | undefined; // undefined: paused
let started = 0; // when the pace was set, and at which epoch
let startEpoch = 0;
let lastFrame = 0;
let frameGap = FRAME_MS; // between snapshots while training: FRAME_MS, or longer on a page that draws slowly
let run = 0; // the page's number for the run under way
let loop = 0; // the training loop's generation: a new play starts a new one, and an old one stops
let error: string | undefined;
let unanswered = false; // a snapshot the page has not said it drew
let owed = false; // a snapshot due while the page was still drawing the last: sent on its answer

scope.addEventListener("message", ({ data: command }) => {
  if (command.type === "drawn") {
    unanswered = false;
    frameGap = Math.max(FRAME_MS, command.ms / PAGE_SHARE);
    if (owed && (pace === undefined || performance.now() - lastFrame >= frameGap)) post();
    return; // while training, the next tick sends what is owed when it is due
  }
  if (command.type === "reset") {
    error = undefined;
    run = command.run;
    try {
      trainer = new Trainer(command.args);
    } catch (e) {
      trainer = undefined;
      error = (e as Error).message;
    }
    pace = undefined;
    unanswered = false; // the page draws the new run from scratch: what it owed the old one is void
    return post();
  }
  if (!trainer) return;
  if (command.type === "tune") trainer.tune(command.args);
  else if (command.type === "set") trainer.set(command.param, command.value);
  else if (command.type === "pause") pace = undefined;
  else if (command.type === "play") {
    pace = command.pace;
    started = performance.now();
    startEpoch = trainer.epoch;
    const generation = ++loop;
    setTimeout(() => tick(generation), 0);
  } else {
    pace = undefined;
    guarded(() => (command.type === "step" ? trainer!.trainStep() : trainer!.trainEpoch()));
  }
  post();
});

/** Trains a slice at the pace set, posts a snapshot when one is due, and comes back for more. */
function tick(generation: number): void {
  if (pace === undefined || !trainer || generation !== loop) return;
  const t = trainer;
  const sliceEnd = performance.now() + SLICE_MS;
  // The epoch the pace has reached by now: all of them when running to the end.
  const target =
    pace === "end"
      ? t.args.epochs
      : Math.min(
          t.args.epochs,
          startEpoch + Math.floor(((performance.now() - started) / 1000) * pace) + 1,
        );
  guarded(() => {
    // A step at a time: a slice ends within a step of its time, whatever an epoch costs.
    while (t.epoch < target && performance.now() < sliceEnd) t.trainStep();
  });
  if (t.done || error) pace = undefined;
  if (pace === undefined || performance.now() - lastFrame >= frameGap) post();
  if (pace !== undefined) setTimeout(() => tick(generation), t.epoch < target ? 0 : 4);
}

function guarded(work: () => void): void {
  try {
    work();
  } catch (e) {
    error = (e as Error).message;
    pace = undefined;
  }
}

/** Sends a snapshot, or owes one while the page is still drawing the last. */
function post(): void {
  if (unanswered) return void (owed = true);
  owed = false;
  unanswered = true;
  lastFrame = performance.now();
  if (!trainer) {
    scope.postMessage({
      type: "snapshot",
      run,
      epoch: 0,
      step: 0,
      done: true,
      playing: false,
      params: [],
      grads: [],
      means: [],
      testMeans: [],
      log: [],
      outputs: [],
      surface: [],
      units: new Uint16Array(0),
      ...(error ? { error } : {}),
    });
    return;
  }
  const { model, data } = trainer.run; // data: the training points' features
  const params = model.parameters();
  const pictures = sampleSurface(
    model,
    planeOfPoints(trainer.run.points),
    GRID,
    trainer.run.features,
  );
  const snapshot: Snapshot = {
    type: "snapshot",
    run,
    epoch: trainer.epoch,
    step: trainer.step,
    done: trainer.done,
    playing: pace !== undefined,
    params: params.map((p) => p.data),
    grads: params.map((p) => p.grad),
    ...trainer.take(),
    outputs: data.x.map((x) => model.forward(x)[0]!.data),
    ...pictures,
    ...(error ? { error } : {}),
  };
  scope.postMessage(snapshot, [pictures.units.buffer]); // moved, not copied
}
