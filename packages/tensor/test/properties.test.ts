// Properties over random shapes and values (fast-check, fixed seed).
import { expectClose } from "@gradbook/testing";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  linear,
  linearForward,
  linearForwardRows,
  matmulForward,
  matmulForwardDots,
  tensor,
} from "../src/index.ts";

const value = fc.double({ min: -10, max: 10, noNaN: true });
/** A [rows, cols] matrix of values, as flat data. */
const matrix = (rows: number, cols: number) =>
  fc.array(value, { minLength: rows * cols, maxLength: rows * cols });
const dims = fc.record({
  b: fc.integer({ min: 1, max: 9 }),
  k: fc.integer({ min: 1, max: 7 }),
  m: fc.integer({ min: 1, max: 6 }),
});

describe("broadcasting", () => {
  test("a row broadcast over a batch gets, as its gradient, the per-row sum of the batch's gradients", () => {
    fc.assert(
      fc.property(
        dims.chain(({ b, k }) =>
          fc.tuple(fc.constant(b), fc.constant(k), matrix(b, k), matrix(1, k), matrix(b, k)),
        ),
        ([b, k, x, r, g]) => {
          const row = tensor(r, [k], { requiresGrad: true });
          const batch = tensor(x, [b, k], { requiresGrad: true });
          batch
            .add(row)
            .mul(tensor(g, [b, k]))
            .sum()
            .backward();
          for (let j = 0; j < k; j++) {
            let perRow = 0;
            for (let i = 0; i < b; i++) perRow += g[i * k + j]!;
            expectClose(row.grad![j]!, perRow, 1e-12, 1e-12);
          }
          // The batch's own gradient is g, element for element: nothing was summed for it.
          expect(Array.from(batch.grad!)).toEqual(g.map((v) => v + 0));
        },
      ),
    );
  });

  test("a column broadcast across a row's columns sums along the row", () => {
    fc.assert(
      fc.property(
        dims.chain(({ b, k }) =>
          fc.tuple(fc.constant(b), fc.constant(k), matrix(b, 1), matrix(b, k)),
        ),
        ([b, k, c, g]) => {
          const col = tensor(c, [b, 1], { requiresGrad: true });
          col
            .mul(tensor(g, [b, k]))
            .sum()
            .backward();
          for (let i = 0; i < b; i++)
            expectClose(col.grad![i]!, tensor(g, [b, k]).sum(1).data[i]!, 1e-12, 1e-12);
        },
      ),
    );
  });
});

describe("matrix products", () => {
  test("every loop order gives the same bits", () => {
    fc.assert(
      fc.property(
        dims.chain(({ b, k, m }) =>
          fc.tuple(
            fc.constant(b),
            fc.constant(k),
            fc.constant(m),
            matrix(b, k),
            matrix(m, k),
            matrix(1, m),
            matrix(k, m),
          ),
        ),
        ([b, k, m, x, w, bias, y]) => {
          const [x64, w64, bias64, y64] = [x, w, bias, y].map((a) => Float64Array.from(a)) as [
            Float64Array,
            Float64Array,
            Float64Array,
            Float64Array,
          ];
          const blocked = new Float64Array(b * m);
          const rows = new Float64Array(b * m);
          linearForward(x64, w64, bias64, b, k, m, blocked);
          linearForwardRows(x64, w64, bias64, b, k, m, rows);
          expect(blocked).toEqual(rows);
          const byRows = new Float64Array(b * m);
          const byDots = new Float64Array(b * m);
          matmulForward(x64, y64, b, k, m, byRows);
          matmulForwardDots(x64, y64, b, k, m, byDots);
          expect(byRows).toEqual(byDots);
        },
      ),
    );
  });

  test("linear(x, w, b) is x @ wᵀ + b, value and gradients", () => {
    fc.assert(
      fc.property(
        dims.chain(({ b, k, m }) =>
          fc.tuple(
            fc.constant(b),
            fc.constant(k),
            fc.constant(m),
            matrix(b, k),
            matrix(m, k),
            matrix(1, m),
            matrix(b, m),
          ),
        ),
        ([b, k, m, x, w, bias, g]) => {
          const fused = [
            tensor(x, [b, k], { requiresGrad: true }),
            tensor(w, [m, k], { requiresGrad: true }),
            tensor(bias, [m], { requiresGrad: true }),
          ] as const;
          const composed = [
            tensor(x, [b, k], { requiresGrad: true }),
            tensor(w, [m, k], { requiresGrad: true }),
            tensor(bias, [m], { requiresGrad: true }),
          ] as const;
          const y1 = linear(...fused);
          const y2 = composed[0].matmul(composed[1].T()).add(composed[2]);
          const scale =
            1 +
            Math.max(...x.map(Math.abs)) * Math.max(...w.map(Math.abs)) * k +
            Math.max(...bias.map(Math.abs));
          y1.data.forEach((v, i) =>
            expect(Math.abs(v - y2.data[i]!)).toBeLessThanOrEqual(1e-13 * scale),
          );
          y1.mul(tensor(g, [b, m]))
            .sum()
            .backward();
          y2.mul(tensor(g, [b, m]))
            .sum()
            .backward();
          fused.forEach((t, j) => {
            const gscale = 1 + 10 * 10 * Math.max(b, m);
            t.grad!.forEach((v, i) =>
              expect(Math.abs(v - composed[j].grad![i]!)).toBeLessThanOrEqual(1e-13 * gscale),
            );
          });
        },
      ),
    );
  });
});

describe("gather", () => {
  test("picking rows passes each pick's gradient back to its row, once per pick", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 12 }),
            ),
          ),
        ([n, picks]) => {
          const a = tensor(new Float64Array(n * 2), [n, 2], { requiresGrad: true });
          a.gather(picks).sum().backward();
          for (let r = 0; r < n; r++) {
            const count = picks.filter((p) => p === r).length;
            expect(Array.from(a.grad!.subarray(r * 2, r * 2 + 2))).toEqual([count, count]);
          }
        },
      ),
    );
  });
});
