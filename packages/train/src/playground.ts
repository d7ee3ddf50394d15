import { checkedOptions, type Dataset, type PointsOptions } from "./datasets.ts";

// TensorFlow Playground's other datasets, drawn with our Rng and at our scale (points around
// [−1, 1]², not its [−6, 6]², so that N(0, 1) initial weights do not saturate tanh at once): two
// Gaussian clusters to classify, and two surfaces to regress, with targets in [−1, 1].

/** The datasets whose targets are real values in [−1, 1] (regression), not classes 0 and 1. */
export const REGRESSION_DATA = Object.freeze(["plane", "multi-gauss"] as const);

/**
 * Two Gaussian clusters (TF Playground's "Gaussian"): the first half of the points around (1, 1)
 * with target 1, the rest around (−1, −1) with target 0, each coordinate N(centre, noise²).
 * @example gaussians({ n: 4, noise: 0 }).x; // [[1, 1], [1, 1], [-1, -1], [-1, -1]]
 */
export function gaussians(opts: PointsOptions = {}): Dataset {
  const { n, noise, rng } = checkedOptions("gaussians", opts);
  const first = Math.ceil(n / 2);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i < first ? 1 : -1;
    x.push([c + rng.normal(0, noise), c + rng.normal(0, noise)]);
    y.push(i < first ? 1 : 0);
  }
  return { name: "gauss", x, y };
}

/**
 * XOR as TF Playground draws it: points uniform on [−1, 1]², pushed 0.06 away from both axes,
 * target 1 where the signs of x₁ and x₂ differ (the XOR of the signs). With noise, the target is
 * read where the point would be if moved by N(0, noise²) (the point stays put), as in {@link plane}.
 */
export function quadrants(opts: PointsOptions = {}): Dataset {
  const { n, noise, rng } = checkedOptions("quadrants", opts);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = [rng.uniform(-1, 1), rng.uniform(-1, 1)].map((c) => c + (c > 0 ? 0.06 : -0.06));
    const [a, b] = p.map((c) => c + rng.normal(0, noise));
    x.push(p);
    y.push(a! > 0 !== b! > 0 ? 1 : 0);
  }
  return { name: "quadrants", x, y };
}

/**
 * A tilted plane to regress (TF Playground's "plane"): points uniform on [−1, 1]², target
 * (x₁ + x₂)/2. With noise, the target is read where the point would be if moved by N(0, noise²)
 * in each coordinate (the point stays put), and clamped to [−1, 1].
 * @example plane({ n: 3, noise: 0 }).y; // each (x₁ + x₂) / 2
 */
export function plane(opts: PointsOptions = {}): Dataset {
  return surface("plane", opts, ([a, b]) => (a + b) / 2);
}

/**
 * TF Playground's "multi Gaussian" regression: six bumps in two rows, alternately +1 and −1 at
 * their centres, each falling linearly to 0 at distance 1/3; a point's target is the bump of
 * largest size there (0 far from all). Noise as in {@link plane}.
 */
export function multiGauss(opts: PointsOptions = {}): Dataset {
  return surface("multi-gauss", opts, bumpsAt);
}

/** Its bumps `[x₁, x₂, sign]`: TF Playground's centres (±4 or 0, ±2.5 in [−6, 6]²) divided by 6. */
const BUMPS: [number, number, number][] = [
  [-2 / 3, 5 / 12, 1],
  [0, 5 / 12, -1],
  [2 / 3, 5 / 12, 1],
  [-2 / 3, -5 / 12, -1],
  [0, -5 / 12, 1],
  [2 / 3, -5 / 12, -1],
];

/** The multi-Gaussian surface at p: the largest in size of the bumps' values sign · max(0, 1 − 3d). */
function bumpsAt([a, b]: number[]): number {
  let value = 0;
  for (const [cx, cy, sign] of BUMPS) {
    const d = Math.sqrt((a! - cx) ** 2 + (b! - cy) ** 2); // sqrt is exact in every engine
    const v = sign * Math.max(0, 1 - 3 * d);
    if (Math.abs(v) > Math.abs(value)) value = v;
  }
  return value;
}

/** n points uniform on [−1, 1]², each with the target `f` gives where noise moves it, clamped to [−1, 1]. */
function surface(name: string, opts: PointsOptions, f: (p: number[]) => number): Dataset {
  const { n, noise, rng } = checkedOptions(name, opts);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = [rng.uniform(-1, 1), rng.uniform(-1, 1)];
    // Drawn even at noise 0: a seed gives the same points at every noise level.
    const moved = p.map((c) => c + rng.normal(0, noise));
    x.push(p);
    y.push(Math.min(1, Math.max(-1, f(moved))));
  }
  return { name, x, y };
}
