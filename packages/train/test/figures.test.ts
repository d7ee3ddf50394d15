import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { MAX_POINTS } from "../src/curve.ts";
import { decisionBoundary, type History, lossCurve, xor } from "../src/index.ts";

/** The SVG parsed as XML: its root element. */
function parse(svg: string) {
  const { DOMParser } = parseHTML("<!doctype html><html></html>");
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  return doc.documentElement;
}

/** The points of an SVG path made of M, L and Z commands. */
function points(d: string): [number, number][] {
  return [...d.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

const run = (losses: number[]): History => ({ step: losses, epoch: losses, last: losses });

describe("decisionBoundary", () => {
  it("is an SVG with the text alternative as its title and one dot per point, filled for target 1", () => {
    const figure = decisionBoundary((x) => x[0]! + x[1]!, xor());
    const svg = parse(figure.svg);
    expect(svg.tagName.toLowerCase()).toBe("svg");
    expect(svg.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(svg.querySelector("title")!.textContent).toBe(figure.alt);
    expect(figure.alt).toContain("crosses 0.5");
    const dots = [...svg.querySelectorAll('g[aria-label="dot"] circle')];
    // Dark ink on the light bands in either colour scheme, not currentColor (light in dark mode).
    const ink = "#1f2328";
    expect(
      dots.map((c) => c.getAttribute("fill") ?? c.parentElement!.getAttribute("fill")),
    ).toEqual(["none", ink, ink, "none"]);
    expect(svg.querySelector('g[aria-label="contour"][stroke="' + ink + '"]')).not.toBeNull();
  });

  // The line where f = threshold, for f varying along one axis only, is straight across the other:
  // one pixel coordinate along it, whatever its length.
  it.each([
    ["x₁", (x: number[]) => x[0]!, 0],
    ["x₂", (x: number[]) => 2 * x[1]!, 1],
  ])(
    "draws the threshold's contour as a straight line across the plane for a model of %s alone",
    (_, f, axis) => {
      const svg = parse(decisionBoundary(f, xor(), { threshold: 0.5 }).svg);
      const contours = [...svg.querySelectorAll('g[aria-label="contour"]')];
      const line = contours.at(-1)!.querySelector("path")!;
      const frame = svg.querySelector('[aria-label="frame"]')!;
      const [fx, fy, fw, fh] = ["x", "y", "width", "height"].map((k) =>
        Number(frame.getAttribute(k)),
      );
      // Leave out the points on the frame: the contour closes its region along the edges.
      const inside = points(line.getAttribute("d")!).filter(
        ([x, y]) => x > fx! + 0.5 && x < fx! + fw! - 0.5 && y > fy! + 0.5 && y < fy! + fh! - 0.5,
      );
      expect(inside.length).toBeGreaterThan(5);
      const across = inside.map((p) => p[axis]!);
      expect(Math.max(...across) - Math.min(...across)).toBeLessThan(0.01);
    },
  );

  it("puts the threshold where the model crosses it: f = x₁ crosses 0.5 halfway across XOR's plane", () => {
    const svg = parse(decisionBoundary((x) => x[0]!, xor()).svg);
    const frame = svg.querySelector('[aria-label="frame"]')!;
    const [fx, fy, fw, fh] = ["x", "y", "width", "height"].map((k) =>
      Number(frame.getAttribute(k)),
    );
    const line = [...svg.querySelectorAll('g[aria-label="contour"]')]
      .at(-1)!
      .querySelector("path")!;
    const xs = points(line.getAttribute("d")!)
      .filter(
        ([x, y]) => x > fx! + 0.5 && x < fx! + fw! - 0.5 && y > fy! + 0.5 && y < fy! + fh! - 0.5,
      )
      .map(([x]) => x);
    // The plane spans [−0.25, 1.25]: 0.5 is its middle.
    expect(xs[0]).toBeCloseTo(fx! + fw! / 2, 6);
  });

  it.each([
    [{ resolution: 1 }, "decisionBoundary: expected a resolution that is an integer ≥ 2, got 1"],
    [{ resolution: 2.5 }, "got 2.5"],
  ])("rejects %j", (opts, message) => {
    expect(() => decisionBoundary((x) => x[0]!, xor(), opts)).toThrow(message);
  });

  it("rejects points that are not 2-D, and a model whose output is not finite", () => {
    expect(() => decisionBoundary((x) => x[0]!, { name: "3-D", x: [[0, 0, 0]], y: [0] })).toThrow(
      "decisionBoundary: expected 2-D points, got a point of 3",
    );
    expect(() => decisionBoundary((x) => (x[0]! > 1 ? Number.NaN : 0), xor())).toThrow(
      "decisionBoundary: the model's output is not finite somewhere on the plane",
    );
  });
});

describe("lossCurve", () => {
  it("draws one run as one line with a title that gives its first and last loss", () => {
    const figure = lossCurve(run([1, 0.5, 0.25]));
    const svg = parse(figure.svg);
    expect(svg.querySelectorAll('g[aria-label="line"] path')).toHaveLength(1);
    expect(figure.alt).toBe("The mean loss per epoch over 3 epochs, from 1.0 to 0.25.");
    expect(svg.querySelector("title")!.textContent).toBe(figure.alt);
  });

  it("draws several runs as labelled lines, each named with its last loss", () => {
    const figure = lossCurve({ a: run([1, 0.1]), b: run([1, 0.5, 0.3]) }, { per: "last" });
    const svg = parse(figure.svg);
    expect(svg.querySelectorAll('g[aria-label="line"] path')).toHaveLength(2);
    expect(
      [...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent),
    ).toEqual(["a ━", "b ━"]);
    expect(figure.alt).toBe(
      "The loss of each epoch's last step of 2 runs: a ends at 0.10; b ends at 0.30.",
    );
  });

  it("names a run that reached a loss of exactly 0 as ending at 0, not 0.0", () => {
    expect(lossCurve({ a: run([1, 0]), b: run([1, 0.5]) }).alt).toBe(
      "The mean loss per epoch of 2 runs: a ends at 0; b ends at 0.50.",
    );
  });

  it("puts the loss on a log axis by default, with its ticks at powers of ten", () => {
    const ticks = (log: boolean) =>
      [
        ...parse(lossCurve(run([100, 10, 1, 0.1]), { log }).svg).querySelectorAll(
          'g[aria-label="y-axis tick label"] text',
        ),
      ].map((t) => t.textContent);
    expect(ticks(true)).toEqual(expect.arrayContaining(["0.1", "1", "10", "100"]));
    expect(ticks(false)).not.toContain("0.1");
  });

  it("draws a long run with at most four points per pixel column, reaching the same extremes", () => {
    // 10001 epochs bouncing between 0.5 and 0.02, with a dip to 0.001 at epoch 4999.
    const losses = Array.from({ length: 10_001 }, (_, epoch) =>
      epoch === 4999 ? 0.001 : epoch % 2 ? 0.02 : 0.5,
    );
    const svg = parse(lossCurve(run(losses)).svg);
    const drawn = points(svg.querySelector('g[aria-label="line"] path')!.getAttribute("d")!);
    expect(MAX_POINTS).toBe(4 * 570); // the plot spans x = 50 to 620: 570 pixel columns
    expect(drawn.length).toBeLessThanOrEqual(MAX_POINTS);
    // Epochs 0 and 10000 at the plot's left and right edges; the loss axis spans the data's
    // extent, so the highest loss (0.5) touches the top (marginTop 24) and the dip the x axis.
    const xs = drawn.map(([x]) => x);
    const ys = drawn.map(([, y]) => y);
    const xAxis = Number(
      /translate\([\d.]+,([\d.]+)\)/.exec(
        svg.querySelector('g[aria-label="x-axis tick"] path')!.getAttribute("transform")!,
      )![1],
    );
    expect([Math.min(...xs), Math.max(...xs)]).toEqual([50, 620]);
    expect([Math.min(...ys), Math.max(...ys)]).toEqual([24, xAxis]);
  });

  it("thins each of several long runs to two points per pixel column: they share the chart", () => {
    const losses = Array.from({ length: 2001 }, (_, epoch) => (epoch % 2 ? 0.02 : 0.5));
    const svg = parse(lossCurve({ a: run(losses), b: run(losses.map((l) => l / 2)) }).svg);
    const lines = [...svg.querySelectorAll('g[aria-label="line"] path')].map((p) =>
      points(p.getAttribute("d")!),
    );
    expect(lines).toHaveLength(2);
    for (const drawn of lines) {
      expect(drawn.length).toBeLessThanOrEqual(MAX_POINTS / 2);
      expect(drawn.length).toBeGreaterThan(MAX_POINTS / 4); // still every bucket's extremes
    }
  });

  it("draws every point of a run no longer than the chart can show: 2001 epochs, 3.5 a column", () => {
    const losses = Array.from({ length: 2001 }, (_, epoch) => 1 / (1 + epoch));
    const d = parse(lossCurve(run(losses)).svg)
      .querySelector('g[aria-label="line"] path')!
      .getAttribute("d")!;
    expect(points(d)).toHaveLength(2001);
  });

  it("rejects no runs, or a run of no epochs", () => {
    expect(() => lossCurve({})).toThrow(
      "lossCurve: expected at least one run of at least one epoch",
    );
    expect(() => lossCurve(run([]))).toThrow(
      "lossCurve: expected at least one run of at least one epoch",
    );
  });
});
