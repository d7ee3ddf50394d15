import { checkedOptions, circles, type Dataset, noisy, spiral, twoMoons, xor } from "./datasets.ts";
import { gaussians, multiGauss, plane, quadrants } from "./playground.ts";

// The datasets `gradbook xor --data NAME` and the XOR explorer offer, by name.

/** The noise of each dataset `gradbook xor --data NAME` makes when `--noise` is left at its default. */
export const DEFAULT_NOISE = Object.freeze({
  xor: 0,
  moons: 0.1,
  circles: 0.05,
  spiral: 0.05,
  gauss: 0.4,
  quadrants: 0,
  plane: 0,
  "multi-gauss": 0,
});

/** A dataset's name for `--data`. */
export type DatasetName = keyof typeof DEFAULT_NOISE;

/**
 * The datasets of `gradbook xor --data NAME`: XOR, or 100 points drawn by `Rng(seed)`: a classic
 * (by default the two moons of lesson 06 from Rng(1); circles and the spiral a little less noisy,
 * as their classes lie closer together), TF Playground's two Gaussian clusters (σ 0.4 by default,
 * about its own at noise 0), its XOR of 100 points in four quadrants, or its regressions (`plane`, `multi-gauss`: targets in [−1, 1], no
 * noise by default, as there). XOR's four corners move only with `noise` > 0.
 */
export function datasetByName(
  name: DatasetName,
  opts: { noise?: number; seed?: number } = {},
): Dataset {
  const { noise = DEFAULT_NOISE[name], seed = 1 } = opts;
  const drawn = { n: 100, noise, seed };
  switch (name) {
    case "xor": {
      const corners = xor();
      if (noise === 0) return corners;
      const { rng } = checkedOptions("xor", { n: 4, noise, seed });
      return noisy(
        "xor",
        corners.x.map((p, i) => [p, corners.y[i]!]),
        noise,
        rng,
      );
    }
    case "moons":
      return twoMoons(drawn);
    case "circles":
      return circles(drawn);
    case "spiral":
      return spiral(drawn);
    case "gauss":
      return gaussians(drawn);
    case "quadrants":
      return quadrants(drawn);
    case "plane":
      return plane(drawn);
    case "multi-gauss":
      return multiGauss(drawn);
  }
}
