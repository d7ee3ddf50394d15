import { fit } from "@gradbook/classify";
import { loadMnist } from "@gradbook/classify/mnist";
import { TORCH_RUN, torchReference, torchRun } from "@gradbook/classify/recorded";
import { describe, expect, it } from "vitest";

const reference = torchReference();

describe("fit against PyTorch", () => {
  it("has the settings of the run it repeats", () => {
    expect(reference.settings).toEqual(TORCH_RUN);
  });

  it("gives torch_run.py's losses per epoch, same net, same first weights, same batches (to 1e-13)", () => {
    const { model, optimizer, loader, validation } = torchRun(loadMnist());
    const { epochs } = fit(model, {
      optimizer,
      epochs: reference.epochs.length,
      loader,
      validation,
    });
    const gaps = epochs.flatMap((ours, e) => {
      const theirs = reference.epochs[e]!;
      expect(ours.validationAccuracy).toBe(theirs.validationAccuracy);
      return [
        ours.trainLoss / theirs.trainLoss - 1,
        ours.validationLoss / theirs.validationLoss - 1,
      ].map(Math.abs);
    });
    // Measured: 2.3e-15 at most over the 8 losses; the sums inside matmul go in another order in
    // PyTorch's BLAS, and 128 steps carry those last-bit differences on without blowing them up.
    expect(Math.max(...gaps)).toBeLessThan(1e-13);
  });
});
