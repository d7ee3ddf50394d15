// The explorer's worker: trains a `gradbook xor` run at the page's pace and posts what to draw,
// so a long run never blocks the page. Training goes in slices of a few milliseconds; between
// them the worker reads the page's commands (pause takes effect after the slice under way).

import type { Value } from "@gradbook/autograd";
import { GRID, type Command, type Pace, type Snapshot } from "./protocol.ts";
import { planeOf } from "./plane.ts";
import { Trainer } from "./trainer.ts";

const scope = self as unknown as {
  postMessage(message: Snapshot): void;
  addEventListener(type: "message", listener: (event: MessageEvent<Command>) => void): void;
};

/** How long one slice of training may take before the worker looks at its messages again (ms). */
const SLICE_MS = 12;
/** How often, at most, a snapshot is drawn while training (ms): the plane costs a few ms to sample. */
const FRAME_MS = 50;

let trainer: Trainer | undefined;
let pace: Pace | undefined; // undefined: paused
let started = 0; // when the pace was set, and at which epoch
let startEpoch = 0;
let lastFrame = 0;
let run = 0; // the page's number for the run under way
let loop = 0; // the training loop's generation: a new play starts a new one, and an old one stops
let error: string | undefined;

scope.addEventListener("message", ({ data: command }) => {
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
    return post();
  }
  if (!trainer) return;
  if (command.type === "pause") pace = undefined;
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
  const target = pace === "end" ? t.args.epochs : Math.min(t.args.epochs, startEpoch + Math.floor(((performance.now() - started) / 1000) * pace) + 1);
  guarded(() => {
    while (t.epoch < target && performance.now() < sliceEnd) t.trainEpoch();
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

function post(): void {
  lastFrame = performance.now();
  if (!trainer) {
    scope.postMessage({ type: "snapshot", run, epoch: 0, step: 0, done: true, playing: false, params: [], grads: [], means: [], log: [], outputs: [], surface: [], units: [], ...(error ? { error } : {}) });
    return;
  }
  const { model, data } = trainer.run;
  const params = model.parameters();
  const plane = planeOf(data);
  const surface: number[] = [];
  const units: number[][] = model.layers.slice(0, -1).flatMap((layer) => Array.from({ length: layer.nout }, () => []));
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      // Layer by layer, keeping each hidden neuron's output for its picture in the diagram.
      let x: (number | Value)[] = plane.point(c, r, GRID);
      let unit = 0;
      for (const layer of model.layers) {
        const out = layer.forward(x);
        if (layer !== model.layers.at(-1)) for (const v of out) units[unit++]!.push(v.data);
        else surface.push(out[0]!.data);
        x = out;
      }
    }
  }
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
    surface,
    units,
    ...(error ? { error } : {}),
  });
}
