// The SIMD kernels give the JS loops' bits: a layer's backward and SGD's step, on parameters in a
// SIMD store against the same parameters in plain arrays, odd sizes included; and a wide MLP
// (whose store is a SIMD memory) trains to the bits of one built from plain tensors.
import { Rng } from "@gradbook/neuron";
import type { SGDOptions } from "@gradbook/optim";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  l1Loss,
  linear,
  MLP,
  ParameterStore,
  parameterData,
  SGD,
  type Tensor,
  tensor,
} from "../src/index.ts";
import { kernelBytes } from "../src/wasm/simd-kernels.ts";
import { bits } from "./bits.ts";

/** n numbers in [-1, 1) from a seeded generator. */
const draws = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.uniform(-1, 1));

/** SGD's settings: the usual case (the SIMD loop) and cases sgdUpdate runs itself. */
const SETTINGS: [string, SGDOptions][] = [
  ["momentum", { lr: 0.02, momentum: 0.9 }],
  ["nesterov", { lr: 0.05, momentum: 0.8, nesterov: true }],
  ["weight decay, dampening", { lr: 0.1, momentum: 0.5, dampening: 0.3, weightDecay: 1e-2 }],
  ["no momentum", { lr: 0.1 }],
];

describe("SIMD kernels against the JS loops, bit for bit", () => {
  test("Node has WebAssembly SIMD, so these tests compare two paths", () => {
    expect(new ParameterStore([{ values: [1], shape: [1] }], { simd: true }).simd).toBe(true);
  });

  test("the module stays under 4 KB, the smallest limit on a synchronous compile on a browser's main thread (old Chrome's; now 8 MB)", () => {
    expect(kernelBytes().length).toBeLessThan(4096);
  });

  test.each([
    [1, 1, 1],
    [2, 1, 3],
    [3, 5, 1],
    [5, 3, 2],
    [7, 2, 3],
    [2, 7, 1],
    [64, 33, 1],
    [33, 64, 2],
  ])("linear %i → %i, a batch of %i: forward, backward and five SGD steps", (nin, nout, batch) => {
    const rng = new Rng(nin * 100 + nout);
    const parts = [
      { values: draws(rng, nout * nin), shape: [nout, nin] },
      { values: draws(rng, nout), shape: [nout] },
    ];
    const xs = draws(rng, batch * nin);
    const targets = draws(rng, batch * nout);
    const run = (simd: boolean) => {
      const store = new ParameterStore(parts, { simd });
      expect(store.simd).toBe(simd);
      const [w, b] = store.params as [Tensor, Tensor];
      const optimizer = new SGD([w, b], { lr: 0.02, momentum: 0.9 });
      const seen: bigint[][] = [];
      for (let step = 0; step < 5; step++) {
        const x = tensor(xs, [batch, nin], { requiresGrad: true });
        const y = linear(x, w, b).tanh();
        const loss = l1Loss(y, tensor(targets, [batch, nout]));
        optimizer.zeroGrad();
        loss.backward();
        seen.push(bits(y.data), bits(x.grad!), bits(w.grad!), bits(b.grad!));
        optimizer.step();
        seen.push(bits(store.data), bits(optimizer.momentumBuffers.flatMap((m) => [...m])));
      }
      return seen;
    };
    expect(run(true)).toEqual(run(false));
  });
});

describe("SIMD against JS, a property over shapes, offsets, biases and SGD settings", () => {
  test("a layer's forward, backward and four SGD steps give the same bits either way", () => {
    const settings = fc.record({
      lr: fc.constantFrom(0.1, 0.013),
      momentum: fc.constantFrom(0, 0.9, 0.37),
      dampening: fc.constantFrom(0, 0.3),
      nesterov: fc.boolean(),
      weightDecay: fc.constantFrom(0, 0.01),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 41 }), // nin
        fc.integer({ min: 1, max: 43 }), // nout
        fc.integer({ min: 0, max: 5 }), // batch: 0 to 3 try SIMD, 4 and 5 do not
        fc.constantFrom("in the store", "elsewhere", "none"), // the bias
        fc.boolean(), // whether x wants a gradient
        fc.integer({ min: 0, max: 3 }), // parts before the weight: odd offsets
        settings,
        fc.integer({ min: 1, max: 1 << 30 }), // the values' seed
        (nin, nout, batch, biasKind, xGrad, lead, opts0, seed) => {
          // Nesterov needs momentum and no dampening.
          const nesterov = opts0.nesterov && opts0.momentum > 0 && opts0.dampening === 0;
          const opts = { ...opts0, nesterov };
          const rng = new Rng(seed);
          // Mostly in [-1, 1), some -0: its sign must survive.
          const values = (n: number) => draws(rng, n).map((v) => (v > 0.94 ? -0 : v));
          const parts = [
            ...Array.from({ length: lead }, (_, k) => ({ values: values(k + 1), shape: [k + 1] })),
            { values: values(nout * nin), shape: [nout, nin] },
            { values: values(nout), shape: [nout] },
          ];
          const otherBias = values(nout);
          const [xs, targets] = [values(batch * nin), values(batch * nout)];
          const run = (simd: boolean) => {
            const store = new ParameterStore(parts, { simd });
            const [w, b] = store.params.slice(lead) as [Tensor, Tensor];
            const bias =
              biasKind === "in the store"
                ? b
                : biasKind === "elsewhere"
                  ? tensor(otherBias, [nout], { requiresGrad: true })
                  : null;
            const optimizer = new SGD(store.params as Tensor[], opts);
            const seen: bigint[][] = [];
            for (let step = 0; step < 4; step++) {
              const x = tensor(xs, [batch, nin], { requiresGrad: xGrad });
              const y = linear(x, w, bias).tanh();
              optimizer.zeroGrad();
              if (batch > 0) l1Loss(y, tensor(targets, [batch, nout])).backward();
              seen.push(bits(y.data), bits(x.grad ?? []), bits(store.grad), bits(bias?.grad ?? []));
              optimizer.step();
              seen.push(bits(store.data), bits(optimizer.momentumBuffers.flatMap((m) => [...m])));
            }
            return seen;
          };
          expect(run(true)).toEqual(run(false));
        },
      ),
      { numRuns: 60, seed: 27 },
    );
  });
});

describe("a layer whose input is its own weight, linear(w, w)", () => {
  // x = w makes gx and gw one array: the kernel adds into gw in place while gx goes through the
  // scratch, so the SIMD path must leave such a layer to the JS loops. (A batch of n rows: the
  // SIMD path is tried up to 3.)
  test.each([
    [1, 1],
    [2, 5],
    [3, 3],
    [3, 64],
  ])("W·Wᵀ of a %i × %i weight: the gradient matches finite differences", (n, nin) => {
    const rng = new Rng(n * 100 + nin);
    const values = draws(rng, n * nin).map((v) => v / Math.sqrt(nin)); // tanh off its flat tails
    /** sum(tanh(W·Wᵀ + b)): tanh so that the gradient is not the same in every row. */
    const f = (w: Tensor, b: Tensor) => linear(w, w, b).tanh().sum();
    const bias = draws(rng, n);
    const grads = [true, false].map((simd) => {
      const store = new ParameterStore(
        [
          { values, shape: [n, nin] },
          { values: bias, shape: [n] },
        ],
        { simd },
      );
      expect(store.simd).toBe(simd);
      const [w, b] = store.params as [Tensor, Tensor];
      f(w, b).backward();
      return [...w.grad!];
    });
    const h = 1e-6;
    const numeric = values.map((_, k) => {
      const at = (d: number) =>
        f(
          tensor(
            values.map((v, i) => (i === k ? v + d : v)),
            [n, nin],
          ),
          tensor(bias, [n]),
        ).item();
      return (at(h) - at(-h)) / (2 * h);
    });
    for (const grad of grads) grad.forEach((v, k) => expect(v).toBeCloseTo(numeric[k]!, 7));
    expect(bits(grads[0]!)).toEqual(bits(grads[1]!));
  });
});

/** 2 → h → h → 1, tanh, one point a step on XOR, L1: the losses and the parameters at the end. */
function train(params: Tensor[], forward: (x: Tensor) => Tensor, opts: SGDOptions, steps: number) {
  const optimizer = new SGD(params, opts);
  const points = [
    [0, 0, 0],
    [0, 1, 1],
    [1, 0, 1],
    [1, 1, 0],
  ] as const;
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const [a, b, t] = points[(s * 3) % 4]!;
    const loss = l1Loss(forward(tensor([[a, b]])), [t]);
    optimizer.zeroGrad();
    loss.backward();
    optimizer.step();
    losses.push(loss.item());
  }
  return { losses: bits(losses), params: bits(params.flatMap((p) => [...p.data])) };
}

describe("a store-backed MLP trains to the bits of one of plain tensors", () => {
  test.each(SETTINGS)("2 → 64 → 64 → 1, SGD with %s", (_, opts) => {
    const model = new MLP(2, [64, 64, 1], { activation: "tanh", outputActivation: "linear" });
    expect(ParameterStore.of(model.parameters())?.simd).toBe(true); // 4417 parameters
    // The same numbers in tensors of their own, and the same forward written out.
    const plain = model.parameters().map((p) => tensor(p.data, p.shape, { requiresGrad: true }));
    const plainForward = (x: Tensor) => {
      let h = x;
      for (let l = 0; l < 3; l++) {
        h = linear(h, plain[2 * l]!, plain[2 * l + 1]!);
        if (l < 2) h = h.tanh();
      }
      return h;
    };
    const stored = train(model.parameters(), (x) => model.forward(x), opts, 60);
    expect(stored).toEqual(train(plain, plainForward, opts, 60));
    expect(stored.params).toEqual(bits(parameterData(model)));
  });

  test("a grad replaced by hand is stepped from, as with plain tensors", () => {
    const model = new MLP(2, [64, 64, 1], { seed: 3 });
    const plain = model.parameters().map((p) => tensor(p.data, p.shape, { requiresGrad: true }));
    const [stored, own] = [model.parameters(), plain].map((params) => {
      const optimizer = new SGD(params, { lr: 0.1, momentum: 0.9 });
      for (let s = 0; s < 3; s++) {
        params.forEach((p, i) => {
          p.grad = Float64Array.from(p.data, (v, k) => Math.sin(v + k + i + s));
        });
        optimizer.step();
      }
      return bits(params.flatMap((p) => [...p.data]));
    });
    expect(stored).toEqual(own);
  });

  test("a second optimizer over the same model starts afresh, and the first keeps its momentum", () => {
    const model = new MLP(2, [64, 64, 1], { seed: 4 });
    const buffers = (o: SGD) => o.momentumBuffers.flatMap((b) => [...new Set(b)]);
    const first = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
    for (const p of model.parameters()) p.grad!.fill(1);
    first.step(); // b = g = 1
    const second = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
    expect(buffers(second)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(buffers(first)).toEqual([1, 1, 1, 1, 1, 1]);
    first.step(); // b = 0.9·1 + 1
    second.step(); // its first step: b = 1
    expect(buffers(first)).toEqual([1.9, 1.9, 1.9, 1.9, 1.9, 1.9]);
    expect(buffers(second)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  test("the store's momentum range is the first momentum SGD's for good: a buffer held stays its", () => {
    const model = new MLP(2, [64, 64, 1], { seed: 4 });
    const store = ParameterStore.of(model.parameters())!;
    const inStore = (o: SGD) => o.momentumBuffers.every((b) => b.buffer === store.data.buffer);
    const plain = new SGD(model.parameters(), { lr: 0.1 }); // no momentum: no claim on the range
    const first = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
    expect([inStore(plain), inStore(first)]).toEqual([false, true]);
    for (const p of model.parameters()) p.grad!.fill(1);
    first.step();
    const held = first.momentumBuffers[0]!; // kept, say, for a plot
    const second = new SGD(model.parameters(), { lr: 0.1, momentum: 0.5 });
    expect(inStore(second)).toBe(false);
    second.step();
    second.step(); // its buffers: 1, then 0.5·1 + 1
    expect(first.momentumBuffers[0]).toBe(held);
    expect([...new Set(held)]).toEqual([1]);
    expect([...new Set(second.momentumBuffers[0])]).toEqual([1.5]);
  });

  test("momentum buffers are written into, not replaced: a replaced one would be ignored", () => {
    const model = new MLP(2, [64, 64, 1], { seed: 1 });
    const plain = model.parameters().map((p) => tensor(p.data, p.shape, { requiresGrad: true }));
    const [stored, own] = [model.parameters(), plain].map((params) => {
      const optimizer = new SGD(params, { lr: 0.1, momentum: 0.9 });
      expect(Object.isFrozen(optimizer.momentumBuffers)).toBe(true);
      expect(() => {
        (optimizer.momentumBuffers as Float64Array[])[0] = new Float64Array(params[0]!.size);
      }).toThrow(TypeError);
      for (const p of params) (p.grad ??= new Float64Array(p.size)).fill(1);
      optimizer.step();
      optimizer.momentumBuffers[0]!.fill(100); // restored from a checkpoint
      optimizer.step(); // b = 0.9·100 + 1 = 91 for the first weight
      return bits(params.flatMap((p) => [...p.data]));
    });
    expect(stored).toEqual(own);
  });
});
