import {
  digits,
  inputs,
  Loader,
  MNIST_SPLIT,
  PIXELS,
  split,
  splitIndices,
} from "@gradbook/classify";
import { Rng } from "@gradbook/neuron";
import { describe, expect, it } from "vitest";

/** A set of `n` digits whose pixels all hold the digit's index mod 256 and labels index mod 10: each digit says who it is. */
function numbered(n: number) {
  const images = new Uint8Array(n * PIXELS);
  for (let i = 0; i < n; i++) images.fill(i % 256, i * PIXELS, (i + 1) * PIXELS);
  return digits(
    images,
    Uint8Array.from({ length: n }, (_, i) => i % 10),
  );
}

describe("split", () => {
  it("cuts a seeded shuffle into disjoint parts of the asked sizes", () => {
    const parts = splitIndices(10_000, new Rng(0), MNIST_SPLIT);
    expect([parts.train.length, parts.validation.length, parts.test.length]).toEqual([
      8000, 1000, 1000,
    ]);
    const all = [...parts.train, ...parts.validation, ...parts.test];
    expect(new Set(all).size).toBe(10_000); // disjoint and covering
    expect(all.slice(0, 20)).not.toEqual(Array.from({ length: 20 }, (_, i) => i)); // shuffled
  });

  it("is the same for the same seed, and different for another", () => {
    const sizes = { train: 50, validation: 30, test: 20 };
    expect(splitIndices(100, new Rng(7), sizes)).toEqual(splitIndices(100, new Rng(7), sizes));
    expect(splitIndices(100, new Rng(8), sizes).train).not.toEqual(
      splitIndices(100, new Rng(7), sizes).train,
    );
  });

  it("picks the digits its indices name, labels with them", () => {
    const set = numbered(200);
    const sizes = { train: 120, validation: 40, test: 30 };
    const parts = split(set, new Rng(3), sizes);
    const indices = splitIndices(200, new Rng(3), sizes);
    for (const name of ["train", "validation", "test"] as const) {
      expect(parts[name].size).toBe(sizes[name]);
      indices[name].forEach((index, row) => {
        expect(parts[name].images[row * PIXELS + 17]).toBe(index % 256);
        expect(parts[name].labels[row]).toBe(index % 10);
      });
    }
  });

  it("refuses more digits than the set holds, and sizes that are not counts", () => {
    expect(() => split(numbered(10), new Rng(0), { train: 8, validation: 2, test: 1 })).toThrow(
      /8 \+ 2 \+ 1 digits, but the set holds 10/,
    );
    expect(() => split(numbered(10), new Rng(0), { train: 2.5, validation: 2, test: 1 })).toThrow(
      /train size to be an integer ≥ 0, got 2.5/,
    );
  });
});

describe("Loader", () => {
  it("serves every digit once an epoch, in a new seeded order each epoch, in batches of the asked size", () => {
    const loader = new Loader(numbered(100), 32, new Rng(1));
    expect(loader.batches).toBe(4);
    const epochs = [loader.order(), loader.order()];
    for (const batches of epochs) {
      expect(batches.map((b) => b.length)).toEqual([32, 32, 32, 4]);
      expect(new Set(batches.flat()).size).toBe(100);
    }
    expect(epochs[0]!.flat()).not.toEqual(epochs[1]!.flat());
    const again = new Loader(numbered(100), 32, new Rng(1));
    expect([again.order(), again.order()]).toEqual(epochs);
  });

  it("keeps the stored order without a generator", () => {
    expect(new Loader(numbered(5), 2, null).order()).toEqual([[0, 1], [2, 3], [4]]);
  });

  it("gives each batch's grey levels / 255, row by row, and its labels", () => {
    const set = numbered(300);
    const [batch] = new Loader(set, 8, new Rng(2)).epoch();
    expect(batch!.x.length).toBe(8 * PIXELS);
    batch!.indices.forEach((index, row) => {
      expect(batch!.x[row * PIXELS + 400]).toBe((index % 256) / 255);
      expect(batch!.labels[row]).toBe(index % 10);
    });
    expect(inputs(set, [255])[0]).toBe(1);
  });

  it("refuses a batch size that is not a positive integer", () => {
    expect(() => new Loader(numbered(5), 0, null)).toThrow(
      /batch size that is a positive integer, got 0/,
    );
  });
});
