// The explorer's worker: trains a `gradbook xor` run at the page's pace and posts what to draw,
// so a long run never blocks the page. Training goes in slices of a few milliseconds; between
// them the worker reads the page's commands (pause takes effect after the slice under way).

import { GRID, type Command, type Pace, type Snapshot } from "./protocol.ts";
import { planeOfPoints } from "./plane.ts";
import { sampleSurface } from "./surface.ts";
import { Trainer } from "./trainer.ts";

const scope = self as unknown as {
  postMessage(message: Snapshot): void;
  addEventListener(type: "message", listener: (event: MessageEvent<Command>) => void): void;
};

/** How long one slice of training may take before the worker looks at its messages again (ms). */
const SLICE_MS = 12;
/** How often, at most, a snapshot is sent while training (ms). */
const FRAME_MS = 100;

let trainer: Trainer | undefined;
let pace: Pace | undefined; // undefined: paused
let started = 0; // when the pace was set, and at which epoch
let startEpoch = 0;
let lastFrame = 0;
let run = 0; // the page's number for the run under way
let loop = 0; // the training loop's generation: a new play starts a new one, and an old one stops
let error: string | undefined;
let unanswered = false; // a snapshot the page has not said it drew
let owed = false; // a snapshot due while the page was still drawing the last: sent on its answer

scope.addEventListener("message", ({ data: command }) => {
  if (command.type === "drawn") {
    unanswered = false;
    if (owed) post();
    return;
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
  if (pace === undefined || performance.now() - lastFrame >= FRAME_MS) post();
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
      units: [],
      ...(error ? { error } : {}),
    });
    return;
  }
  const { model, data } = trainer.run; // data: the training points' features
  const params = model.parameters();
  scope.postMessage({
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
    ...sampleSurface(model, planeOfPoints(trainer.run.points), GRID, trainer.run.features),
    ...(error ? { error } : {}),
  });
}
