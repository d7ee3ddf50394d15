import { math } from "@gradbook/autograd";
import type { Dataset } from "./datasets.ts";

// Input features, as TensorFlow Playground offers them: what the network sees of a point (x₁, x₂)
// of the plane. With x₁² + x₂² among its inputs, one neuron can draw a circle.

/** Each feature by name, with how it reads in a figure. `sin` is the library's own (the same bits in every engine). */
export const FEATURES = Object.freeze({
  x1: { label: "x₁", of: (x1: number, _x2: number) => x1 },
  x2: { label: "x₂", of: (_x1: number, x2: number) => x2 },
  x1sq: { label: "x₁²", of: (x1: number, _x2: number) => x1 * x1 },
  x2sq: { label: "x₂²", of: (_x1: number, x2: number) => x2 * x2 },
  x1x2: { label: "x₁x₂", of: (x1: number, x2: number) => x1 * x2 },
  sinx1: { label: "sin x₁", of: (x1: number, _x2: number) => math.sin(x1) },
  sinx2: { label: "sin x₂", of: (_x1: number, x2: number) => math.sin(x2) },
});

/** A feature's name: `x1`, `x2`, `x1sq`, `x2sq`, `x1x2`, `sinx1`, `sinx2`. */
export type Feature = keyof typeof FEATURES;

/** The feature names, in the order TensorFlow Playground lists them. */
export const FEATURE_NAMES = Object.freeze(Object.keys(FEATURES) as Feature[]);

/** What the network sees of the point `p` = (x₁, x₂): one number per feature, in the order given. */
export function featuresOf(p: readonly number[], features: readonly Feature[]): number[] {
  return features.map((f) => FEATURES[f].of(p[0]!, p[1]!));
}

/** The dataset with each point replaced by its features (the targets unchanged); the plain x₁, x₂ give it back as it is. */
export function withFeatures(data: Dataset, features: readonly Feature[]): Dataset {
  if (features.length === 2 && features[0] === "x1" && features[1] === "x2") return data;
  return { name: data.name, x: data.x.map((p) => featuresOf(p, features)), y: data.y };
}
