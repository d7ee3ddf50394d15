// Where WebAssembly SIMD cannot run (an engine without WebAssembly, or a page whose content
// security policy refuses to compile it), a wide model's store is plain memory and the JS loops
// run: the same bits as the SIMD kernels. The package is loaded afresh with the global replaced,
// as that engine or page would load it.
import { afterEach, describe, expect, test, vi } from "vitest";
import * as withSimd from "../src/index.ts";
import { bits } from "./bits.ts";

type Package = typeof withSimd;

/** 40 one-point steps of 2 → 64 → 64 → 1 with SGD momentum: the losses and the parameters, as bits. */
function train(t: Package): { simd: boolean | undefined; bits: bigint[] } {
  const model = new t.MLP(2, [64, 64, 1], { activation: "tanh", outputActivation: "linear" });
  const optimizer = new t.SGD(model.parameters(), { lr: 0.02, momentum: 0.9 });
  const seen: number[] = [];
  for (let s = 0; s < 40; s++) {
    const x = t.tensor([[s & 1, (s >> 1) & 1]]);
    const loss = t.l1Loss(model.forward(x), [(s & 1) ^ ((s >> 1) & 1)]);
    optimizer.zeroGrad();
    loss.backward();
    optimizer.step();
    seen.push(loss.item());
  }
  seen.push(...t.parameterData(model));
  return {
    simd: t.ParameterStore.of(model.parameters())?.simd,
    bits: bits(seen),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe("without WebAssembly SIMD the JS loops give the same bits", () => {
  // What chromium does under a policy without 'wasm-unsafe-eval': compiling throws.
  const refused = {
    Module: class {
      constructor() {
        throw new EvalError("WebAssembly.Module(): refused by the content security policy");
      }
    },
  };
  test.each([
    ["no WebAssembly at all", undefined],
    ["compiling refused", refused],
  ])("%s", async (_, global) => {
    const simd = train(withSimd);
    vi.stubGlobal("WebAssembly", global);
    vi.resetModules();
    const without: Package = await import("../src/index.ts");
    expect(without).not.toBe(withSimd); // a fresh copy of the package, under the stubbed global
    const plain = train(without);
    expect(simd.simd).toBe(true);
    expect(plain.simd).toBe(false);
    expect(plain.bits).toEqual(simd.bits);
  });

  test("once the engine refuses a memory (its address space used up), later stores do not ask", async () => {
    // Each memory reserves ~10 GiB of address space; with ~12,900 alive V8 refuses another, after
    // collecting garbage and retrying for ~0.65 s: a store should pay that once, not every time.
    let asked = 0;
    vi.stubGlobal("WebAssembly", {
      ...Object.fromEntries(
        ["Module", "Instance"].map((k) => [
          k,
          Reflect.get(Reflect.get(globalThis, "WebAssembly"), k),
        ]),
      ),
      Memory: class {
        constructor() {
          asked++;
          throw new RangeError("WebAssembly.Memory(): could not allocate memory");
        }
      },
    });
    vi.resetModules();
    const t: Package = await import("../src/index.ts");
    const stores = [1, 2, 3].map(
      () => new t.ParameterStore([{ values: [1], shape: [1] }], { simd: true }),
    );
    expect(stores.map((s) => s.simd)).toEqual([false, false, false]);
    expect(asked).toBe(1);
  });
});
