import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { bars, binned, histograms, lines } from "../src/index.ts";

// The lessons' chart helpers: what each draws, read back from the SVG.

const dom = (svg: string) => parseHTML(`<html><body>${svg}</body></html>`).document;
const texts = (svg: string) =>
  [...dom(svg).querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);

describe("lines", () => {
  const rows = ["a", "b", "c"].flatMap((run, i) =>
    [1, 2, 3].map((step) => ({ step, loss: 10 ** -(i * step), run })),
  );

  it("draws one line per series, each dashed its own way when asked, named in a corner", () => {
    const figure = lines(
      rows,
      {
        x: "step",
        y: "loss",
        series: "run",
        dashed: true,
        labels: "top-right",
        yAxis: { log: true },
      },
      "three runs",
    );
    const paths = [...dom(figure.svg).querySelectorAll('g[aria-label="line"] path')];
    expect(paths).toHaveLength(3);
    expect(
      new Set(
        paths.map(
          (p) =>
            p.closest("g")!.getAttribute("stroke-dasharray") ?? p.getAttribute("stroke-dasharray"),
        ),
      ).size,
    ).toBe(3);
    expect(texts(figure.svg)).toEqual(["a", "b", "c"]);
    expect(figure.alt).toBe("three runs");
  });

  it("names each line at its end, only in the small chart asked for", () => {
    const faceted = rows.flatMap((d) => ["left", "right"].map((side) => ({ ...d, side })));
    const figure = lines(
      faceted,
      { x: "step", y: "loss", series: "run", columns: "side", labels: "ends", labelsIn: "right" },
      "two panels",
    );
    expect(texts(figure.svg).filter((t) => ["a", "b", "c"].includes(t!))).toEqual(["a", "b", "c"]);
  });

  it("draws a labelled rule", () => {
    const figure = lines(
      rows,
      { x: "step", y: "loss", rules: [{ y: 0.5, label: "half", dashed: true }] },
      "a rule",
    );
    expect(texts(figure.svg)).toContain("half");
    expect(dom(figure.svg).querySelector('g[aria-label="rule"]')).not.toBeNull();
  });
});

describe("bars", () => {
  it("draws a bar and an interval per row, with the text at the interval's end", () => {
    const data = [
      { name: "x", rate: 80, lo: 70, hi: 88 },
      { name: "y", rate: 30, lo: 24, hi: 37 },
    ];
    const figure = bars(
      data,
      { value: "rate", name: "name", interval: ["lo", "hi"], text: (d) => `${d.rate}%` },
      "two bars",
    );
    const doc = dom(figure.svg);
    expect(doc.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(2);
    expect(doc.querySelectorAll('g[aria-label="rule"] line').length).toBeGreaterThanOrEqual(2);
    expect(texts(figure.svg)).toEqual(["80%", "30%"]);
  });
});

describe("histograms", () => {
  it("draws one rectangle per bin, in a grid of columns and rows", () => {
    const bins = ["p", "q"].flatMap((column) =>
      [1, 2].flatMap((row) => [0, 1, 2].map((k) => ({ column, row, x1: k, x2: k + 1, f: 1 / 3 }))),
    );
    const figure = histograms(
      bins,
      { x1: "x1", x2: "x2", y: "f", columns: "column", rows: "row" },
      "four histograms",
    );
    expect(dom(figure.svg).querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(12);
  });
});

describe("binned", () => {
  it("counts each value in its bin, the ends taking what lies beyond, and leaves out empty bins", () => {
    // [0, 1] in four bins of 0.25: −3 and 0.1 in the first, 0.6 in the third, 0.99 and 7 in the last
    expect(binned([0.1, -3, 0.6, 0.99, 7], [0, 1], 4)).toEqual([
      { x1: 0, x2: 0.25, fraction: 0.4 },
      { x1: 0.5, x2: 0.75, fraction: 0.2 },
      { x1: 0.75, x2: 1, fraction: 0.4 },
    ]);
  });

  it("gives shares that add up to 1", () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i));
    const total = binned(values, [-1, 1]).reduce((s, b) => s + b.fraction, 0);
    expect(total).toBeCloseTo(1, 12);
  });
});
