import { describe, expect, it } from "vitest";
import { graph, plot, Plot } from "../figure.ts";

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
    expect(() => plot({ color: { legend: true }, marks: [Plot.dot([{ x: 1, y: 1, c: "a" }], { x: "x", y: "y", fill: "c" })] }, "dots")).toThrow(
      "plot: a figure is one SVG and Plot draws legends as HTML: label the marks directly",
    );
  });

  it("renders Graphviz with strokes and text in currentColor and no white background", async () => {
    const figure = await graph('digraph { id="g"; a -> b }', "a to b");
    expect(figure.svg).toMatch(/^<svg role="img" aria-label="a to b"/);
    expect(figure.svg).not.toMatch(/fill="white"|stroke="black"/);
    expect(figure.svg).toContain('stroke="currentColor"');
    expect(figure.svg).toMatch(/<text fill="currentColor"/);
  });
});
