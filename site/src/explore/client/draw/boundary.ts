import type { Dataset } from "@gradbook/train";
import type { Plane } from "../plane.ts";
import { INK } from "./colour.ts";
import { at, svg } from "./svg.ts";

// The decision boundary's overlay: the line where the output crosses the threshold (marching
// squares over the sampled grid) and the data points, on a 100 × 100 view of the plane.

/** The threshold's contour over `values` (n × n, rows from the bottom) as an SVG path in a 100 × 100 box. */
function contour(values: ArrayLike<number>, n: number, threshold: number): string {
  const f = (c: number, r: number) => values[r * n + c]! - threshold;
  const point = (x: number, y: number) =>
    `${at((100 * x) / (n - 1))},${at(100 - (100 * y) / (n - 1))}`;
  // Where the contour crosses the edge from corner (c0, r0) to corner (c1, r1): linearly between them.
  const cross = (c0: number, r0: number, c1: number, r1: number) => {
    const [a, b] = [f(c0, r0), f(c1, r1)];
    const s = a / (a - b);
    return point(c0 + (c1 - c0) * s, r0 + (r1 - r0) * s);
  };
  let d = "";
  for (let r = 0; r < n - 1; r++) {
    for (let c = 0; c < n - 1; c++) {
      // The cell's edges the sign changes along: bottom, right, top, left.
      const corners = [f(c, r), f(c + 1, r), f(c + 1, r + 1), f(c, r + 1)];
      const edges: [number, number, number, number][] = [
        [c, r, c + 1, r],
        [c + 1, r, c + 1, r + 1],
        [c + 1, r + 1, c, r + 1],
        [c, r + 1, c, r],
      ];
      const crossings = edges
        .filter((_, k) => corners[k]! > 0 !== corners[(k + 1) % 4]! > 0)
        .map((e) => cross(...e));
      // Two crossings: one segment; four (a saddle): two, pairing each with its neighbour.
      for (let k = 0; k + 1 < crossings.length; k += 2) d += `M${crossings[k]}L${crossings[k + 1]}`;
    }
  }
  return d;
}

/**
 * The overlay of one run in `root` (an SVG with viewBox 0 0 100 100): its points drawn once (the
 * training points filled where their target is 1; the test points, when shown, as squares), and
 * each update the contour and a ring around each training point on the wrong side. A regression
 * (`targetColour` given) has no classes: each point is filled with its target's colour, as TF
 * Playground draws it, and there is no line and no wrong side.
 */
export class Overlay {
  private readonly line = svg("path", { fill: "none", stroke: INK, "stroke-width": 0.9 });
  private readonly rings: SVGElement[] = [];
  private readonly testPoints = svg("g", { class: "test-points" });

  constructor(
    root: SVGSVGElement,
    plane: Plane,
    private readonly data: Dataset,
    test: Dataset,
    readonly threshold: number,
    private readonly targetColour?: (t: number) => string,
  ) {
    const sx = (x: number) => at((100 * (x - plane.x[0])) / (plane.x[1] - plane.x[0]));
    const sy = (y: number) => at(100 - (100 * (y - plane.y[0])) / (plane.y[1] - plane.y[0]));
    const small = data.x.length + test.x.length > 20;
    const r = small ? (targetColour ? 1.7 : 1.3) : 3; // a regression's colours need a larger dot to read
    const points = svg("g");
    const fill = (t: number) => (targetColour ? targetColour(t) : t > threshold ? INK : "none");
    data.x.forEach(([x, y], i) => {
      points.append(
        svg("circle", {
          cx: sx(x!),
          cy: sy(y!),
          r,
          fill: fill(data.y[i]!),
          stroke: INK,
          "stroke-width": small ? 0.4 : 0.8,
        }),
      );
      const ring = svg("circle", {
        class: "wrong",
        cx: sx(x!),
        cy: sy(y!),
        r: r + (small ? 1 : 2),
        fill: "none",
        stroke: INK,
        "stroke-width": 0.5,
        "stroke-dasharray": "1 1",
        visibility: "hidden",
      });
      this.rings.push(ring);
      points.append(ring);
    });
    test.x.forEach(([x, y], i) => {
      const side = 2 * r;
      this.testPoints.append(
        svg("rect", {
          x: at(Number(sx(x!)) - r),
          y: at(Number(sy(y!)) - r),
          width: side,
          height: side,
          fill: fill(test.y[i]!),
          stroke: INK,
          "stroke-width": 0.5,
        }),
      );
    });
    root.replaceChildren(this.line, points, this.testPoints);
  }

  /** Shows the test points or hides them. */
  showTest(shown: boolean): void {
    this.testPoints.setAttribute("visibility", shown ? "visible" : "hidden");
  }

  /** The contour of `surface` (n × n) and the rings of the points `outputs` put on the wrong side. */
  update(surface: ArrayLike<number>, n: number, outputs: number[]): void {
    if (this.targetColour) return; // a regression: its colours are the picture
    this.line.setAttribute("d", contour(surface, n, this.threshold));
    this.rings.forEach((ring, i) => {
      const wrong =
        outputs[i] !== undefined &&
        outputs[i]! > this.threshold !== this.data.y[i]! > this.threshold;
      const visibility = wrong ? "visible" : "hidden";
      if (ring.getAttribute("visibility") !== visibility)
        ring.setAttribute("visibility", visibility);
    });
  }
}
