/** A digit's side in pixels: MNIST's digits are 28 × 28 grey levels. */
export const SIDE = 28;
/** Pixels in one digit, 28 · 28. */
export const PIXELS = SIDE * SIDE;
/** The classes, 0 … 9. */
export const CLASSES = 10;

/**
 * A set of digits as bytes: `images` holds `size` digits of {@link PIXELS} grey levels each,
 * row by row (0 is the background, 255 full ink), and `labels` their classes 0 … 9. Bytes are
 * what the page loads; the net reads grey level / 255.
 */
export interface Digits {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly size: number;
}

/** Checks that `images` and `labels` hold the same number of whole digits, with labels 0 … 9. */
export function digits(images: Uint8Array, labels: Uint8Array): Digits {
  if (images.length !== labels.length * PIXELS) {
    throw new RangeError(
      `digits: expected ${PIXELS} grey levels per label, got ${images.length} grey levels for ${labels.length} labels`,
    );
  }
  const bad = labels.findIndex((label) => label >= CLASSES);
  if (bad >= 0)
    throw new RangeError(`digits: expected labels 0 … 9, got ${labels[bad]} at digit ${bad}`);
  return { images, labels, size: labels.length };
}

/** The digits at `indices`, in that order (a copy). */
export function pick(set: Digits, indices: readonly number[]): Digits {
  const images = new Uint8Array(indices.length * PIXELS);
  const labels = new Uint8Array(indices.length);
  indices.forEach((index, row) => {
    if (!(Number.isInteger(index) && index >= 0 && index < set.size)) {
      throw new RangeError(`pick: expected indices in [0, ${set.size}), got ${index}`);
    }
    images.set(set.images.subarray(index * PIXELS, (index + 1) * PIXELS), row * PIXELS);
    labels[row] = set.labels[index]!;
  });
  return { images, labels, size: indices.length };
}

/** The grey levels of the digits at `indices` as one row of {@link PIXELS} numbers in [0, 1] each: a batch's input. */
export function inputs(set: Digits, indices: readonly number[]): Float64Array {
  const x = new Float64Array(indices.length * PIXELS);
  indices.forEach((index, row) => {
    const from = index * PIXELS;
    for (let p = 0; p < PIXELS; p++) x[row * PIXELS + p] = set.images[from + p]! / 255;
  });
  return x;
}

/** How many digits of each class `set` holds. */
export function classCounts(set: Digits): number[] {
  const counts = new Array<number>(CLASSES).fill(0);
  for (const label of set.labels) counts[label]!++;
  return counts;
}
