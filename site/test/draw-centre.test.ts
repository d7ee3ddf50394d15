import { describe, expect, it } from "vitest";
import { centre, FIELD } from "../src/draw/centre.ts";

/** The bounding box of the non-zero cells of a 28 × 28 field, and its centre of mass (pixel centres at i + ½). */
function measure(x: Float64Array) {
  let [left, top, right, bottom, mass, mx, my] = [FIELD, FIELD, -1, -1, 0, 0, 0];
  for (let y = 0; y < FIELD; y++) {
    for (let c = 0; c < FIELD; c++) {
      const v = x[y * FIELD + c]!;
      if (v <= 0) continue;
      [left, right, top, bottom] = [
        Math.min(left, c),
        Math.max(right, c),
        Math.min(top, y),
        Math.max(bottom, y),
      ];
      [mass, mx, my] = [mass + v, mx + v * (c + 0.5), my + v * (y + 0.5)];
    }
  }
  return { width: right - left + 1, height: bottom - top + 1, cx: mx / mass, cy: my / mass, mass };
}

/** A `width` × `height` drawing with a filled rectangle of ink. */
function rectangle(width: number, height: number, [x0, y0, x1, y1]: number[]): Float64Array {
  const ink = new Float64Array(width * height);
  for (let y = y0!; y < y1!; y++) ink.fill(1, y * width + x0!, y * width + x1!);
  return ink;
}

describe("centre (MNIST's preprocessing of a drawing)", () => {
  it("scales the ink's bounding box so its longer side is 20, keeping its proportions", () => {
    // 100 × 50 pixels of ink in a 280 × 280 pad: 20 × 10 in the field, all full ink.
    const out = measure(centre(rectangle(280, 280, [30, 200, 130, 250]), 280, 280));
    expect([out.width, out.height]).toEqual([20, 10]);
    expect(out.mass).toBeCloseTo(200, 9);
  });

  it("puts the centre of mass within half a pixel of the field's centre, wherever the ink was drawn", () => {
    for (const box of [
      [0, 0, 40, 90],
      [200, 150, 280, 280],
      [13, 77, 171, 99],
    ]) {
      const out = measure(centre(rectangle(280, 280, box), 280, 280));
      expect(Math.abs(out.cx - 14)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(out.cy - 14)).toBeLessThanOrEqual(0.5);
    }
  });

  it("averages the ink over each new pixel: a drawing at 10× scale comes back as its 28 × 28 self when that fits 20 × 20 and is centred", () => {
    const small = new Float64Array(FIELD * FIELD);
    for (let y = 4; y < 24; y++)
      for (let x = 9; x < 19; x++) small[y * FIELD + x] = (x + y) % 3 === 0 ? 1 : 0.5; // 10 wide, 20 high, centre (14, 14)
    const big = new Float64Array(280 * 280);
    for (let y = 0; y < 280; y++)
      for (let x = 0; x < 280; x++)
        big[y * 280 + x] = small[Math.floor(y / 10) * FIELD + Math.floor(x / 10)]!;
    const out = centre(big, 280, 280);
    for (let p = 0; p < FIELD * FIELD; p++) expect(out[p]).toBeCloseTo(small[p]!, 12);
  });

  it("gives zeros for an empty drawing, and refuses a size that does not match", () => {
    expect(centre(new Float64Array(100), 10, 10).every((v) => v === 0)).toBe(true);
    expect(() => centre(new Float64Array(99), 10, 10)).toThrow(/expected 10·10 ink levels, got 99/);
  });
});
