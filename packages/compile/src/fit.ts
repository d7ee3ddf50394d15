import type { SGD, SGDOptions } from "@gradbook/optim";
import {
  type Dataset,
  endEpoch,
  type FitOptions,
  type History,
  emptyHistory,
} from "@gradbook/train";
import { SlotSGD } from "./sgd.ts";
import { type CompilableModel, CompiledStep } from "./step.ts";

/** The settings of a {@link compiledFit} run: `fit`'s, with the optimizer's settings instead of an optimizer. */
export interface CompiledFitOptions extends Omit<FitOptions, "optimizer"> {
  /** The settings of the SGD that steps the parameter slots, or a fresh `SGD` to take them from. */
  optimizer: SGDOptions | SGD;
}

/**
 * `fit` through a compiled step: the same batches, loss, gradients and SGD update (with `fit`'s
 * learning-rate `schedule`), bit for bit, replayed from a tape. The step is traced once per batch
 * size; the parameters live in the tape's slots while training, and are written back into the
 * model's Values before each `onEpoch` and at the end (what `onEpoch` changes in them, the tape
 * does not see).
 *
 * Throws what `fit` throws on a non-finite loss, and what {@link CompiledStep.compile} throws on a
 * step it cannot compile (a graph that depends on the data, an op it cannot replay).
 *
 * @example
 * const model = new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" });
 * const history = compiledFit(model, xor(), { loss: l1Loss, optimizer: { lr: 0.02, momentum: 0.9 }, epochs: 2001, sampler: lcgOrder() });
 */
export function compiledFit(
  model: CompilableModel,
  data: Dataset,
  opts: CompiledFitOptions,
): History {
  const { loss, epochs, sampler, schedule, onEpoch } = opts;
  if (!Number.isInteger(epochs) || epochs < 0)
    throw new RangeError(
      `compiledFit: expected epochs to be a non-negative integer, got ${epochs}`,
    );
  if (data.x.length !== data.y.length || data.x.length === 0) {
    throw new RangeError(
      `compiledFit: expected as many targets as points, at least one, got ${data.x.length} points and ${data.y.length} targets`,
    );
  }
  const params = model.parameters();
  const optimizer = new SlotSGD(params.length, opts.optimizer);
  const steps = new Map<number, CompiledStep>(); // by batch size
  let current: CompiledStep | undefined;
  const history = emptyHistory();
  const writeBack = () =>
    current !== undefined && params.forEach((p, i) => (p.data = current!.values[i]!));
  for (let epoch = 0; epoch < epochs; epoch++) {
    if (schedule) optimizer.lr = schedule(epoch);
    const from = history.step.length;
    for (const batch of sampler(data.x.length)) {
      let step = current?.batch === batch.length ? current : steps.get(batch.length);
      if (step === undefined)
        steps.set(batch.length, (step = CompiledStep.compile(model, loss, data, batch.length)));
      // The parameters move with the step in use: a new batch size takes them over from the last.
      if (current !== undefined && step !== current)
        step.values.set(current.values.subarray(0, params.length));
      current = step;
      step.load(data, batch);
      const value = step.run();
      check(step, value, epoch, history.step.length, optimizer.lr);
      optimizer.step(step.values, step.grads);
      history.step.push(value);
    }
    if (history.step.length === from)
      throw new RangeError(`compiledFit: the sampler gave no batches for epoch ${epoch}`);
    endEpoch(history, from);
    if (onEpoch) {
      writeBack();
      onEpoch(epoch, history);
    }
  }
  writeBack();
  return history;
}

/** Throws as `fit` does when a prediction or the loss is not finite. */
function check(step: CompiledStep, loss: number, epoch: number, index: number, lr: number): void {
  let bad = loss;
  const outputs = step.tape.outputs;
  for (let i = 0; i < outputs.length; i++)
    if (!Number.isFinite(step.values[outputs[i]!]!)) bad = step.values[outputs[i]!]!;
  if (Number.isFinite(bad)) return;
  const what = Number.isNaN(bad) ? "NaN" : "infinite";
  throw new RangeError(
    `fit: the loss became ${what} at epoch ${epoch} (step ${index}) with lr ${lr} — the learning rate is probably too large`,
  );
}
