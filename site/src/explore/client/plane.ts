import { type Dataset, extentOf } from "@gradbook/train";

/** The part of the input plane the explorer draws: the lessons' figures' extent of the data. */
export interface Plane {
  x: [number, number];
  y: [number, number];
  /** The input at column c, row r (from the bottom) of an n × n grid. */
  point(c: number, r: number, n: number): number[];
}

/** The plane around `data`. */
function planeOf(data: Dataset): Plane {
  const [x, y] = extentOf(data);
  return {
    x,
    y,
    point: (c, r, n) => [
      x[0] + ((x[1] - x[0]) * c) / (n - 1),
      y[0] + ((y[1] - y[0]) * r) / (n - 1),
    ],
  };
}

/** The plane of a run's points: those it trains on and those it holds out, all in view. */
export function planeOfPoints(points: { train: Dataset; test: Dataset }): Plane {
  const { train, test } = points;
  return planeOf({ name: train.name, x: [...train.x, ...test.x], y: [...train.y, ...test.y] });
}
