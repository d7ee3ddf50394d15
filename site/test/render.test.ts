import { parseLesson } from "@gradbook/lessons/kit";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { placeFigures } from "../src/course/records.ts";
import { figureHtml, naturalWidth } from "../src/render/figure.ts";
import { fakeRecord, fixtureLesson, render } from "./helpers/render.ts";

// The renderer's pieces, checked on fixture lessons without a browser or a test run.

const dom = (html: string) =>
  parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
const figure = (id: string, alt: string) => ({
  svg: `<svg id="${id}" role="img" aria-label="${alt}"></svg>`,
  alt,
});

describe("rendering a lesson", () => {
  const math = fixtureLesson("01-figures-and-math.md");
  const running = fixtureLesson("02-running.md");

  it("shows ```text output blocks as program output: labelled, escaped, not highlighted", async () => {
    const doc = dom((await render(running)).html);
    const outputs = [...doc.querySelectorAll(".output")];
    expect(outputs.map((o) => o.querySelector(".block-label")?.textContent)).toEqual([
      "Output",
      "Output",
    ]);
    expect(outputs.map((o) => o.querySelector("pre")?.textContent)).toEqual([
      "[ 1, 4, 9 ] Point { x: 1, y: 2 }",
      "RangeError: counts: expected an empty list",
    ]);
    expect(doc.querySelector(".output .shiki")).toBeNull();
  });

  it("marks ```ts throws and ```ts no-run blocks, and only runnable blocks carry their line", async () => {
    const doc = dom((await render(running)).html);
    const throws = doc.querySelector(".code.throws")!;
    expect(throws.querySelector(".block-label")!.textContent).toBe("Throws /empty/");
    expect(doc.querySelector(".code.no-run .block-label")!.textContent).toBe("Not run");
    const lines = running.blocks.filter((b) => b.kind !== "no-run").map((b) => String(b.line));
    expect(
      [...doc.querySelectorAll("[data-line]")].map((e) => e.getAttribute("data-line")),
    ).toEqual(lines);
  });

  it("shows an include line as the region's code under a caption naming its file", async () => {
    const doc = dom((await render(math)).html);
    const include = doc.querySelector("figure.include")!;
    expect(include.querySelector("figcaption")!.textContent).toBe(
      "From site/test/fixtures/source.ts",
    );
    expect(include.querySelector("figcaption a")!.getAttribute("href")).toBe("api/fixture.html"); // the package's API page
    expect(include.querySelector("pre")!.textContent).toBe(
      "export function square(x: number): number {\n  return x * x;\n}",
    );
  });

  it("closes the code of an exercise behind a disclosure that names it and how to start it, in plain HTML", async () => {
    const lesson = parseLesson(
      "lessons/09-x.md",
      "---\npackage: none\n---\n\n# X\n\n<<< packages/autograd/src/ops.ts#mul\n\n<<< packages/autograd/src/value.ts#apply\n",
    );
    const doc = dom((await render(lesson, fakeRecord(lesson))).html);
    const details = [...doc.querySelectorAll("details.exercise-code")];
    expect(details).toHaveLength(1); // apply holds no exercise: shown as it is
    expect(details[0]!.hasAttribute("open")).toBe(false);
    expect(details[0]!.querySelector("summary")!.textContent).toBe(
      "The code of exercise mul — try pnpm learn start 01 first",
    );
    expect(details[0]!.querySelector("figure.include pre")!.textContent).toContain(
      "a.grad += b.data * g;",
    );
    expect(doc.querySelectorAll("figure.include")).toHaveLength(2);
  });

  it("fails on an include that does not resolve, naming the lesson's line", async () => {
    const lesson = parseLesson(
      "lessons/09-x.md",
      "---\npackage: none\n---\n\n# X\n\n<<< packages/autograd/src/value.ts#nothing\n",
    );
    const record = fakeRecord(lesson);
    // The region does not exist: rendering resolves includes through the kit, which says so.
    await expect(render(lesson, record)).rejects.toThrow(
      /lessons\/09-x\.md:7: include: .*packages\/autograd\/src\/value\.ts/,
    );
  });

  it("places each block's figures after its output block, or after the block when it prints nothing", async () => {
    const record = fakeRecord(math, {
      0: [figure("f1", "first figure")],
      1: [figure("f2", "second figure"), figure("f3", "third figure")],
    });
    const doc = dom((await render(math, record)).html);
    const [chart, diagram] = math.blocks;
    const after = (selector: string) => doc.querySelector(selector)!.nextElementSibling;
    expect(after(`[data-line="${chart!.line}"]`)!.className).toBe("output");
    expect(after(`[data-line="${chart!.line}"] + .output`)!.querySelector("svg")!.id).toBe("f1");
    expect(after(`[data-line="${diagram!.line}"]`)!.querySelector("svg")!.id).toBe("f2");
    expect(after(`[data-line="${diagram!.line}"] + figure`)!.querySelector("svg")!.id).toBe("f3");
    expect(
      [...doc.querySelectorAll("figure.lesson-figure figcaption")].map((c) => c.textContent),
    ).toEqual(["first figure", "second figure", "third figure"]);
  });

  it("refuses a record that does not match the lesson", () => {
    const stale = fakeRecord(running);
    stale.blocks[0]!.output = "something else\n";
    expect(() => placeFigures(running, stale)).toThrow(
      /02-running\.md:\d+: the recorded output differs/,
    );
    expect(() =>
      placeFigures(running, { file: running.file, blocks: stale.blocks.slice(1) }),
    ).toThrow(/record is stale/);
    expect(() => placeFigures(running, undefined)).toThrow(/no recorded run/);
  });

  it("typesets inline and display math at build time", async () => {
    const rendered = await render(math);
    const doc = dom(rendered.html);
    expect(rendered.hasMath).toBe(true);
    expect(doc.querySelectorAll(".katex").length).toBe(3);
    expect(doc.querySelectorAll(".katex-display").length).toBe(1);
    expect(doc.querySelector("annotation")!.textContent).toBe("f(x) = x^2");
    expect(rendered.html).not.toMatch(/\$\$|\$f/);
    expect((await render(running)).hasMath).toBe(false);
  });

  it("fails on math KaTeX cannot typeset, naming the lesson", async () => {
    const lesson = parseLesson(
      "lessons/09-x.md",
      "---\npackage: none\n---\n\n# X\n\nBroken: $\\frac{1}{$.\n",
    );
    await expect(render(lesson, fakeRecord(lesson))).rejects.toThrow(
      /lessons\/09-x\.md:1: math does not typeset/,
    );
  });

  it("gives headings unique ids with a link, and lists h2 and h3 as the table of contents", async () => {
    const lesson = parseLesson(
      "lessons/09-x.md",
      "---\npackage: none\n---\n\n# Title\n\n## The `backward` pass\n\n### Details\n\n## Details\n",
    );
    const rendered = await render(lesson, fakeRecord(lesson));
    expect(rendered.toc).toEqual([
      { level: 2, id: "the-backward-pass", text: "The backward pass" },
      { level: 3, id: "details", text: "Details" },
      { level: 2, id: "details-2", text: "Details" },
    ]);
    const doc = dom(rendered.html);
    expect(doc.querySelector("#details-2 a.anchor")!.getAttribute("href")).toBe("#details-2");
    expect(doc.querySelector("h1 a.anchor")).toBeNull();
  });

  it("turns links to lesson files into links to their pages", async () => {
    const doc = dom((await render(math)).html);
    expect(doc.querySelector("a[href^='02-']")!.getAttribute("href")).toBe("02-running.html");
  });

  it("splits the lesson into sections for search, math kept as TeX", async () => {
    const sections = (await render(running)).sections;
    expect(sections.map((s) => [s.id, s.heading])).toEqual([
      ["", "Running in the browser"],
      ["shared-scope", "Shared scope"],
      ["errors", "Errors"],
      ["searchable-words", "Searchable words"],
    ]);
    expect(sections[3]!.text).toContain("quaternion");
    expect((await render(math)).sections[0]!.text).toContain("f(x) = x^2");
  });

  it("makes a figure one image for assistive technology, named by its text alternative", () => {
    const plot =
      '<svg aria-label="old" viewBox="0 0 640 200" width="640"><g aria-label="line" stroke="red"><path d="M0 0"/></g></svg>';
    const html = figureHtml({ svg: plot, alt: 'a "line" <rising>' });
    expect(html).toBe(
      '<figure class="lesson-figure"><svg role="img" aria-label="a &quot;line&quot; &lt;rising>" viewBox="0 0 640 200" width="640"><g stroke="red"><path d="M0,0"/></g></svg><figcaption>a &quot;line&quot; &lt;rising&gt;</figcaption></figure>\n',
    );
  });

  it("keeps a very wide diagram at 60% of its size, scrolling, rather than shrink its text away", () => {
    const wide = figureHtml({
      svg: '<svg width="1926pt" height="210pt" viewBox="0 0 1926 210"></svg>',
      alt: "a long graph",
    });
    expect(naturalWidth('<svg width="1926pt">')).toBe(2568);
    expect(wide).toContain(
      '<div class="figure-scroll" tabindex="0"><svg style="width:1541px;max-width:none;height:auto" role="img"',
    );
    expect(figureHtml({ svg: '<svg width="900pt"></svg>', alt: "fits" })).not.toContain(
      "figure-scroll",
    );
  });
});
