import { math } from "@gradbook/autograd";
import { Rng } from "@gradbook/neuron";

/** A labelled 2-D dataset: points `x[i]` with targets `y[i]` (0 or 1 for the classics here). */
export interface Dataset {
  /** A short name for logs and figure titles. */
  name: string;
  x: number[][];
  y: number[];
}

/** Options of the seeded 2-D classics. */
export interface PointsOptions {
  /** How many points in all. @default 200 */
  n?: number;
  /** The standard deviation of the Gaussian noise added to each coordinate. @default 0.1 */
  noise?: number;
  /** The assignment of the {@link Rng} that draws the noise. @default 0 */
  seed?: number;
}

/**
 * XOR, the assignment's data: the four corners of the unit square, target 1 where exactly one input is 1.
 * @example xor().y; // [0, 1, 1, 0]
 */
export function xor(): Dataset {
  return {
    name: "xor",
    x: [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ],
    y: [0, 1, 1, 0],
  };
}

/**
 * Two interleaving half circles (scikit-learn's `make_moons`): the upper one, `(cos t, sin t)`,
 * has target 0; the lower one, `(1 − cos t, 0.5 − sin t)`, target 1; t evenly spaced on [0, π].
 */
export function twoMoons(opts: PointsOptions = {}): Dataset {
  const { n, noise, rng } = checkedOptions("twoMoons", opts);
  const upper = Math.ceil(n / 2);
  const points = Array.from({ length: n }, (_, i): [number[], number] => {
    const lower = i >= upper;
    const k = lower ? n - upper : upper; // points on this moon
    const t = (Math.PI * (lower ? i - upper : i)) / Math.max(k - 1, 1);
    const p = lower ? [1 - math.cos(t), 0.5 - math.sin(t)] : [math.cos(t), math.sin(t)];
    return [p, lower ? 1 : 0];
  });
  return noisy("moons", points, noise, rng);
}

/**
 * Two concentric circles (scikit-learn's `make_circles`): the outer one of radius 1 has target 0,
 * the inner one of radius `factor` target 1.
 */
export function circles(opts: PointsOptions & { factor?: number } = {}): Dataset {
  const { n, noise, rng } = checkedOptions("circles", opts);
  const factor = opts.factor ?? 0.5;
  if (!(factor > 0 && factor < 1))
    throw new RangeError(`circles: expected a factor in (0, 1), got ${factor}`);
  const outer = Math.ceil(n / 2);
  const points = Array.from({ length: n }, (_, i): [number[], number] => {
    const inner = i >= outer;
    const k = inner ? n - outer : outer;
    const t = (2 * Math.PI * (inner ? i - outer : i)) / k; // no endpoint: 0 and 2π are the same point
    const r = inner ? factor : 1;
    return [[r * math.cos(t), r * math.sin(t)], inner ? 1 : 0];
  });
  return noisy("circles", points, noise, rng);
}

/**
 * Two interleaved spiral arms (as in CS231n's spiral, with two classes): arm c ∈ {0, 1} turns
 * through `turns` revolutions from the centre outwards, starting half a turn after the other.
 */
export function spiral(opts: PointsOptions & { turns?: number } = {}): Dataset {
  const { n, noise, rng } = checkedOptions("spiral", opts);
  const turns = opts.turns ?? 1;
  if (!(turns > 0 && Number.isFinite(turns)))
    throw new RangeError(`spiral: expected turns > 0, got ${turns}`);
  const first = Math.ceil(n / 2);
  const points = Array.from({ length: n }, (_, i): [number[], number] => {
    const arm = i >= first ? 1 : 0;
    const k = arm ? n - first : first;
    const r = (arm ? i - first : i) / Math.max(k - 1, 1); // radius from 0 to 1
    const theta = 2 * Math.PI * turns * r + arm * Math.PI;
    return [[r * math.cos(theta), r * math.sin(theta)], arm];
  });
  return noisy("spiral", points, noise, rng);
}

/** The checked options of a classic: n a positive integer, noise ≥ 0, a seeded generator. */
export function checkedOptions(
  name: string,
  opts: PointsOptions,
): { n: number; noise: number; rng: Rng } {
  const { n = 200, noise = 0.1, seed = 0 } = opts;
  if (!Number.isInteger(n) || n < 2)
    throw new RangeError(
      `${name}: expected n, the number of points, to be an integer ≥ 2, got ${n}`,
    );
  if (!(noise >= 0 && Number.isFinite(noise)))
    throw new RangeError(`${name}: expected noise ≥ 0, got ${noise}`);
  return { n, noise, rng: new Rng(seed) };
}

/** The dataset of these points, each coordinate moved by Gaussian noise N(0, noise²). */
export function noisy(
  name: string,
  points: [number[], number][],
  noise: number,
  rng: Rng,
): Dataset {
  return {
    name,
    x: points.map(([p]) => p.map((c) => c + rng.normal(0, noise))),
    y: points.map(([, t]) => t),
  };
}

/**
 * Holds out a share of the points for testing: `Rng(seed)` shuffles the indices and the first
 * `round(testShare · n)` of them are the test set. Both keep the data's own order.
 * @example splitData(datasetByName("moons"), 0.2, 1); // 80 points to train on, 20 to test
 */
export function splitData(
  data: Dataset,
  testShare: number,
  seed: number,
): { train: Dataset; test: Dataset } {
  const n = data.x.length;
  const held = Math.round(testShare * n);
  if (!(testShare >= 0 && held < n))
    throw new RangeError(
      `splitData: expected a test share in [0, 1) that leaves a point to train on, got ${testShare} of ${n} points`,
    );
  const test = new Set(
    new Rng(seed).shuffle(Array.from({ length: n }, (_, i) => i)).slice(0, held),
  );
  const part = (inTest: boolean, name: string): Dataset => {
    const kept = data.x.flatMap((_, i) => (test.has(i) === inTest ? [i] : []));
    return { name, x: kept.map((i) => data.x[i]!), y: kept.map((i) => data.y[i]!) };
  };
  return { train: part(false, data.name), test: part(true, `${data.name} (test)`) };
}

/** The data's bounding box `[[x0, x1], [y0, y1]]`, widened by a quarter of its size on each side: the plane a figure of it shows. */
export function extentOf(data: Dataset): [[number, number], [number, number]] {
  const side = (k: number): [number, number] => {
    const v = data.x.map((p) => p[k]!);
    const [a, b] = [Math.min(...v), Math.max(...v)];
    const pad = (b - a || 1) / 4;
    return [a - pad, b + pad];
  };
  return [side(0), side(1)];
}
