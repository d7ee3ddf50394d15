import {
  argmax,
  EarlyStopping,
  evaluate,
  fit,
  Loader,
  packDigits,
  PIXELS,
  pick,
  unpackDigits,
  warmupCosine,
} from "@gradbook/classify";
import { loadMnist } from "@gradbook/classify/mnist";
import { pytorchDefault } from "@gradbook/init";
import { Rng } from "@gradbook/neuron";
import { MLP, SGD, Tensor } from "@gradbook/tensor";
import { describe, expect, it } from "vitest";

const all = loadMnist();
const order = new Rng(5).shuffle(Array.from({ length: all.size }, (_, i) => i));
const train = pick(all, order.slice(0, 200));
const validation = pick(all, order.slice(200, 400));
const net = (seed = 1) =>
  new MLP(PIXELS, [8, 10], {
    activation: "relu",
    outputActivation: "linear",
    init: pytorchDefault,
    seed,
  });

describe("fit", () => {
  it("sets each step's rate from the schedule, and learns (validation accuracy well above 10%)", () => {
    const model = net();
    const optimizer = new SGD(model.parameters(), { lr: 1, momentum: 0.9 });
    const loader = new Loader(train, 20, new Rng(1));
    const rates = warmupCosine(0.1, { total: 30, warmup: 3 });
    const seen: number[] = [];
    const { epochs } = fit(model, {
      optimizer,
      epochs: 3,
      loader,
      validation,
      rates,
      onStep: () => seen.push(optimizer.lr),
    });
    expect(seen).toEqual(Array.from(rates));
    expect(epochs.map((r) => r.lr)).toEqual([rates[9], rates[19], rates[29]]);
    expect(epochs.at(-1)!.validationAccuracy).toBeGreaterThan(0.3); // chance is 0.1; measured 0.415
    // The same without onStep: each step's rate still comes from the schedule.
    const again = net();
    const quiet = fit(again, {
      optimizer: new SGD(again.parameters(), { lr: 1, momentum: 0.9 }),
      epochs: 3,
      loader: new Loader(train, 20, new Rng(1)),
      validation,
      rates,
    });
    expect(quiet.epochs).toEqual(epochs);
    expect(epochs.at(-1)!.trainLoss).toBeLessThan(epochs[0]!.trainLoss);
  });

  it("with early stopping, stops after `patience` epochs without a better validation loss and keeps the best epoch's weights", () => {
    const model = net(2);
    const optimizer = new SGD(model.parameters(), { lr: 0.5, momentum: 0.9 }); // too large: the validation loss bounces
    const result = fit(model, {
      optimizer,
      epochs: 40,
      loader: new Loader(train, 10, new Rng(3)),
      validation,
      earlyStopping: new EarlyStopping(2),
    });
    const losses = result.epochs.map((r) => r.validationLoss);
    const best = losses.indexOf(Math.min(...losses));
    expect(result.stopped).toBe(true);
    expect(result.kept).toBe(best);
    expect(result.epochs.length).toBe(best + 3);
    expect(evaluate(model, validation).loss).toBe(losses[best]); // the weights of that epoch, put back
  });

  it("names the epoch, the step and the learning rate when the loss blows up", () => {
    const model = net(3); // relu: the first step makes the hidden outputs ~1e199, the next the logits overflow
    const optimizer = new SGD(model.parameters(), { lr: 1e200, momentum: 0.9 });
    expect(() =>
      fit(model, { optimizer, epochs: 5, loader: new Loader(train, 20, new Rng(1)) }),
    ).toThrow(/the loss became (NaN|infinite) at epoch 0 \(step \d\) with lr 1e\+200/);
  });

  it("refuses rates that do not cover the run, and early stopping without a validation set", () => {
    const model = net();
    const optimizer = new SGD(model.parameters(), { lr: 0.1 });
    const loader = new Loader(train, 20, new Rng(1));
    expect(() => fit(model, { optimizer, epochs: 2, loader, rates: new Float64Array(19) })).toThrow(
      /a rate for each of 20 steps \(2 epochs of 10 batches\), got 19/,
    );
    expect(() =>
      fit(model, { optimizer, epochs: 2, loader, earlyStopping: new EarlyStopping(1) }),
    ).toThrow(/give a validation set/);
  });
});

describe("evaluate", () => {
  it("predicts the largest logit of each digit, and measures the mean cross-entropy -log p(label)", () => {
    const model = net(4);
    const result = evaluate(model, validation, 64); // batches of 64: the last one is smaller
    const logits = model.forward(
      new Tensor(
        Float64Array.from(validation.images, (g) => g / 255),
        [validation.size, PIXELS],
      ),
    ).data;
    let loss = 0;
    for (let i = 0; i < validation.size; i++) {
      expect(result.predicted[i]).toBe(argmax(logits, i * 10));
      const row = Array.from(logits.subarray(i * 10, i * 10 + 10));
      const max = Math.max(...row);
      loss +=
        Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0)) +
        max -
        row[validation.labels[i]!]!;
      const p = result.probabilities.subarray(i * 10, i * 10 + 10);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    expect(result.loss).toBeCloseTo(loss / validation.size, 12);
  });
});

describe("packDigits", () => {
  it("round-trips: labels first, then the grey levels", () => {
    const bytes = packDigits(train);
    expect(bytes.length).toBe(200 * 785);
    const back = unpackDigits(bytes);
    expect(back.labels).toEqual(train.labels);
    expect(back.images).toEqual(train.images);
    expect(() => unpackDigits(new Uint8Array(786))).toThrow(/785 bytes a digit/);
  });
});
