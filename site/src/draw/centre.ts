// A drawing made into the input the net was trained on, the way MNIST's digits were made
// (LeCun et al.): the ink's bounding box scaled, keeping its proportions, to fit a 20 × 20 box
// (grey levels from the share of each new pixel the ink covers), then placed in a 28 × 28 field
// so that its centre of mass falls on the field's centre. No DOM here: the page and the tests
// call it on plain arrays.

/** The side of the net's input. */
export const FIELD = 28;
/** The side of the box the ink's bounding box is scaled into. */
const BOX = 20;

/**
 * The 28 × 28 input (grey levels in [0, 1], row by row) for a drawing given as `ink` levels in
 * [0, 1] on a `width` × `height` grid (a canvas's alpha / 255). An empty drawing gives zeros.
 */
export function centre(ink: ArrayLike<number>, width: number, height: number): Float64Array {
  if (ink.length !== width * height)
    throw new RangeError(`centre: expected ${width}·${height} ink levels, got ${ink.length}`);
  const out = new Float64Array(FIELD * FIELD);
  // The bounding box of every pixel with any ink.
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x]! <= 0) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (right < 0) return out;
  // Scale the box so its longer side is 20: each source pixel adds its ink, times the share of
  // it that falls in each box pixel (a box filter: the box pixel's grey level is the ink's mean over it).
  const side = Math.max(right - left + 1, bottom - top + 1);
  const scale = BOX / side;
  const w = Math.max(1, Math.round((right - left + 1) * scale));
  const h = Math.max(1, Math.round((bottom - top + 1) * scale));
  const box = new Float64Array(w * h);
  for (let y = top; y <= bottom; y++) {
    const [y0, y1] = [(y - top) * scale, (y - top + 1) * scale];
    for (let x = left; x <= right; x++) {
      const v = ink[y * width + x]!;
      if (v <= 0) continue;
      const [x0, x1] = [(x - left) * scale, (x - left + 1) * scale];
      for (let by = Math.floor(y0); by < Math.min(h, Math.ceil(y1)); by++) {
        const dy = Math.min(y1, by + 1) - Math.max(y0, by);
        for (let bx = Math.floor(x0); bx < Math.min(w, Math.ceil(x1)); bx++) {
          box[by * w + bx]! += v * dy * (Math.min(x1, bx + 1) - Math.max(x0, bx)); // area of the overlap
        }
      }
    }
  }
  // The centre of mass of the scaled ink (pixel centres at i + ½), moved to the field's centre by a whole number of pixels.
  let [mass, mx, my] = [0, 0, 0];
  for (let by = 0; by < h; by++) {
    for (let bx = 0; bx < w; bx++) {
      const v = Math.min(1, box[by * w + bx]!);
      box[by * w + bx] = v;
      mass += v;
      mx += v * (bx + 0.5);
      my += v * (by + 0.5);
    }
  }
  const dx = Math.round(FIELD / 2 - mx / mass);
  const dy = Math.round(FIELD / 2 - my / mass);
  for (let by = 0; by < h; by++) {
    for (let bx = 0; bx < w; bx++) {
      const [x, y] = [bx + dx, by + dy];
      if (x >= 0 && x < FIELD && y >= 0 && y < FIELD) out[y * FIELD + x] = box[by * w + bx]!;
    }
  }
  return out;
}
