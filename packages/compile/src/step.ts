import type { Value } from "@gradbook/autograd";
import type { Loss } from "@gradbook/loss";
import { Rng } from "@gradbook/neuron";
import type { Dataset, Model } from "@gradbook/train";
import { compileTape } from "./compile.ts";
import { backward, forward } from "./replay.ts";
import type { Tape } from "./tape.ts";
import type { StepFunction } from "./trace.ts";

/** A model a step can be compiled for: `fit`'s model, with its parameters (an `MLP` is one). */
export interface CompilableModel extends Model {
  parameters(): Value[];
}

/** How many real points {@link CompiledStep.compile} traces the step at, at most, to check its graph. */
const CHECKED_POINTS = 64;

/**
 * One training step of `model` on a batch of `batch` points — forward, loss, backward — compiled
 * to a {@link Tape}, with the slots it runs on: `values` (parameters in `0 … params − 1`, then
 * data, constants, results) and `grads`.
 *
 * @example
 * const step = CompiledStep.compile(model, l1Loss, xor(), 1);
 * step.load(xor(), [2]); // the inputs and target of point 2
 * step.run();            // the loss; step.grads holds d loss / d each slot
 */
export class CompiledStep {
  /** The values of the slots. */
  readonly values: Float64Array;
  /** d loss / d slot after {@link run}. */
  readonly grads: Float64Array;

  /** Per data load, the point of the batch and the entry of that point (an input, or nin for the target). */
  readonly #point: Int32Array;
  readonly #entry: Int32Array;

  constructor(
    readonly tape: Tape,
    /** The model's number of inputs: each point's data is its inputs, then its target. */
    readonly nin: number,
    /** How many points the step trains on. */
    readonly batch: number,
  ) {
    this.values = tape.init.slice();
    this.grads = new Float64Array(tape.size);
    this.#point = tape.loadIndex.map((i) => Math.floor(i / (nin + 1)));
    this.#entry = tape.loadIndex.map((i) => i % (nin + 1));
  }

  /**
   * Traces the step `loss(model.forward(x)…, t…)` on batches of `batch` points, as `fit` runs it,
   * and compiles it: at made-up batches (inputs drawn at random, targets from `data`'s) and at
   * the first 64 points of `data`, which must all give the same graph.
   *
   * What it detects: a graph that differs between those traces (an `if` on the inputs, the
   * targets or a value computed from them, taken both ways among the traced points); a number
   * that changes with the data but is none of its inputs and targets, or with the parameters (one
   * computed from a `.data`); `unary` ops (their function is not in the graph). What it cannot: a branch every traced point takes the same way — on a
   * parameter (training moves it later), or on data beyond the traced points; the tape replays
   * the branch it saw. Nor does a replay check the engine's domains (`log` of x ≤ 0, division by
   * 0): those give NaN or ±Infinity, which `compiledFit` reports when they reach the loss, but not
   * always do (relu turns NaN into 0, tanh turns ±Infinity into ±1): run a new step through the
   * engine first, which throws at the op.
   */
  static compile(model: CompilableModel, loss: Loss, data: Dataset, batch: number): CompiledStep {
    const nin = data.x[0]!.length;
    const step: StepFunction = (d) => {
      const outputs: Value[] = [];
      const targets: number[] = [];
      for (let p = 0; p < batch; p++) {
        const at = p * (nin + 1);
        const out = model.forward(d.slice(at, at + nin));
        if (out.length !== 1)
          throw new RangeError(
            `compile: expected a model with one output per point, got ${out.length} outputs`,
          );
        outputs.push(out[0]!);
        targets.push(d[at + nin]!);
      }
      return { loss: loss(outputs, targets), outputs };
    };
    // Each point of the batch gets its own pattern of targets over the probes (point p: the bits
    // of p + 1), never the same in all of them, so each target's slot is found without doubt.
    const count = Math.max(2, Math.ceil(Math.log2(batch + 2)));
    const probes = Array.from({ length: count }, (_, k) => probe(data, nin, batch, k));
    const checks: number[][] = [];
    for (let i = 0; i + batch <= Math.min(data.x.length, CHECKED_POINTS); i += batch) {
      checks.push(
        Array.from({ length: batch }, (_, p) => [...data.x[i + p]!, data.y[i + p]!]).flat(),
      );
    }
    return new CompiledStep(compileTape(step, model.parameters(), { probes, checks }), nin, batch);
  }

  /** Puts the points `batch` (indices into `data`) into the data slots. */
  load(data: Dataset, batch: readonly number[]): void {
    const { loadSlot, loadSign } = this.tape;
    const [point, entry, nin, v] = [this.#point, this.#entry, this.nin, this.values];
    for (let l = 0; l < loadSlot.length; l++) {
      const p = batch[point[l]!]!;
      const j = entry[l]!;
      v[loadSlot[l]!] = loadSign[l]! * (j < nin ? data.x[p]![j]! : data.y[p]!);
    }
  }

  /** Replays the step on the loaded data: the forward pass, then the backward pass; returns the loss. */
  run(): number {
    forward(this.tape, this.values);
    backward(this.tape, this.values, this.grads);
    return this.values[this.tape.root]!;
  }
}

/**
 * Made-up batch number `k`: inputs drawn uniformly from (−2, 2), all distinct, so a number of the
 * graph that equals one of them in every trace came from it; targets taken from `data`'s own (so
 * a loss that checks its labels accepts them), point p's the smallest or the next by bit k of p + 1.
 */
function probe(data: Dataset, nin: number, batch: number, k: number): number[] {
  const rng = new Rng(1 + k);
  const labels = [...new Set(data.y)].sort((a, b) => a - b);
  const target = (p: number) => labels[((p + 1) >> k) & 1 ? Math.min(1, labels.length - 1) : 0]!;
  return Array.from({ length: batch }, (_, p) => [
    ...Array.from({ length: nin }, () => rng.uniform(-2, 2)),
    target(p),
  ]).flat();
}
