import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { graph, legend, plot, Plot } from "../src/index.ts";

describe("figures", () => {
  it("draws a Plot chart as one SVG with its text alternative as title and label", () => {
    const figure = plot({ marks: [Plot.lineY([1, 4, 9])] }, "a parabola");
    expect(figure.svg).toMatch(/^<svg[^>]*aria-label="a parabola"/);
    expect(figure.svg).toContain("<title>a parabola</title>");
    expect(figure.svg).toContain("--plot-background: var(--figure-background, white)");
    expect(figure.svg).toContain("background:transparent");
  });

  it("keeps the chart, not a caption, when Plot wraps it in a <figure>", () => {
    const figure = plot({ caption: "Caption", marks: [Plot.dot([[1, 2]])] }, "one dot");
    expect(figure.svg).toMatch(/^<svg[^>]*viewBox="0 0 640/);
  });

  it("refuses a legend, which Plot draws as HTML, and says what to do instead", () => {
    expect(() =>
      plot(
        {
          color: { legend: true },
          marks: [Plot.dot([{ x: 1, y: 1, c: "a" }], { x: "x", y: "y", fill: "c" })],
        },
        "dots",
      ),
    ).toThrow("plot: a figure is one SVG and Plot draws legends as HTML: label the marks directly");
  });

  it("draws a legend as text marks in the lines' colours, stacked from a corner, first name on top", () => {
    const names = ["lr 0.1", "lr 0.4", "lr 0.55"];
    const rows = names.flatMap((lr) => [0, 1].map((x) => ({ x, y: x, lr })));
    for (const corner of ["top-left", "bottom-right"] as const) {
      const figure = plot(
        {
          marks: [Plot.lineY(rows, { x: "x", y: "y", stroke: "lr" }), ...legend(names, corner)],
          color: { domain: names },
        },
        "lines",
      );
      const { document } = parseHTML(`<html><body>${figure.svg}</body></html>`);
      const lines = [...document.querySelectorAll('g[aria-label="line"] path')].map((p) =>
        p.getAttribute("stroke"),
      );
      const texts = [...document.querySelectorAll('g[aria-label="text"] text')];
      expect(
        texts.map((t) => t.textContent),
        corner,
      ).toEqual(names);
      // Each name in its line's colour; stacked top to bottom in the order given.
      expect(
        texts.map((t) => t.closest("g")!.getAttribute("fill") ?? t.getAttribute("fill")),
        corner,
      ).toEqual(lines);
      // A text's height on the chart: its own offset plus its group's.
      const shift = (transform: string | null) =>
        Number(/translate\([-\d.]+,([-\d.]+)\)/.exec(transform ?? "")?.[1] ?? 0);
      const ys = texts.map(
        (t) =>
          shift(t.getAttribute("transform")) + shift(t.closest("g")!.getAttribute("transform")),
      );
      expect(ys, corner).toEqual([...ys].sort((a, b) => a - b));
      expect(new Set(ys).size, corner).toBe(3);
    }
  });

  it("renders Graphviz with strokes and text in currentColor and no white background", async () => {
    const figure = await graph('digraph { id="g"; a -> b }', "a to b");
    expect(figure.svg).toMatch(/^<svg role="img" aria-label="a to b"/);
    expect(figure.svg).not.toMatch(/fill="white"|stroke="black"/);
    expect(figure.svg).toContain('stroke="currentColor"');
    expect(figure.svg).toMatch(/<text fill="currentColor"/);
  });
});
