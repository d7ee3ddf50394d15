import { parseLesson } from "@gradbook/lessons/kit";
import { parseHTML } from "linkedom";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { commentMarkdown } from "../src/api/comments.ts";
import { apiLinks } from "../src/api/links.ts";
import { apiIndexPage, apiPage } from "../src/api/page.ts";
import { findPackages, loadApi, type ApiPackage } from "../src/api/typedoc.ts";
import type { LessonPage } from "../src/course/lessons.ts";
import { createCodeHighlighter } from "../src/render/highlight.ts";

// The API reference from typedoc's JSON, on two small package-like modules in a fixture root
// (the real packages are still being written): discovery, signatures, links, comments.

const root = fileURLToPath(new URL("./fixtures/api-root/", import.meta.url));
const dom = (html: string) => parseHTML(html).document;
const lesson = parseLesson("lessons/01-values.md", "---\npackage: autograd\n---\n\n# Values\n");
const course: LessonPage[] = [{ lesson, href: "01-values.html", label: "01" }];
let packages: ApiPackage[];
let autograd: ReturnType<typeof dom>;
let neuron: ReturnType<typeof dom>;

beforeAll(async () => {
  packages = await loadApi(root, findPackages(root), mkdtempSync(join(tmpdir(), "gradbook-api-")));
  const links = apiLinks(packages);
  const md = commentMarkdown(await createCodeHighlighter());
  const nav = { lessons: [], packages: [] };
  [autograd, neuron] = packages.map((p) => dom(apiPage(p, links, course, nav, md)));
});

describe("the API reference", () => {
  it("covers the packages that have an entry point, in course order", () => {
    expect(findPackages(root)).toEqual(["autograd", "neuron"]); // optim has no src/index.ts yet
    expect(packages.map((p) => [p.fullName, p.href])).toEqual([
      ["@gradbook/autograd", "api/autograd.html"],
      ["@gradbook/neuron", "api/neuron.html"],
    ]);
  });

  it("gives each export and member an anchor, distinct when a type and a value share a name", () => {
    const ids = [...autograd.querySelectorAll("[id]")].map((e) => e.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "Value",
        "Value.add",
        "Value.backward",
        "Value.data",
        "Value.grad",
        "Value.of",
        "toDot",
        "DotOptions",
        "DotOptions.horizontal",
      ]),
    );
    expect(ids.filter((id) => id.startsWith("Op"))).toHaveLength(2);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("writes signatures as TypeScript", () => {
    const text = (selector: string) =>
      autograd.querySelector(selector)!.textContent!.replace(/\s*#$/, "");
    expect(text("#Value ~ .signature")).toBe("class Value");
    expect(
      autograd.querySelector("#Value")!.parentElement!.querySelectorAll(".signature")[1]!
        .textContent,
    ).toBe("new Value(data: number, label?: string)");
    expect(text("[id='Value.add']")).toBe("add(other: number | Value): Value");
    expect(text("[id='Value.zero']")).toBe("get zero(): boolean");
    expect(text("[id='Value.of']")).toBe("static of(x: number): Value");
    expect(text("[id='Value.data']")).toBe("readonly data: number");
    expect(text("#toDot ~ .signature")).toBe(
      "function toDot(root: Value, options?: DotOptions): string",
    );
  });

  it("links types and {@link} tags to their declarations, across packages too", () => {
    expect(autograd.querySelector("[id='Value.add'] a[href='#Value']")).not.toBeNull();
    expect(autograd.querySelector("#Value ~ p a")!.getAttribute("href")).toBe("#Value.backward");
    const forward = neuron.querySelector("[id='Neuron.forward']")!;
    expect([...forward.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([
      "autograd.html#Value",
      "autograd.html#Value",
      "#Neuron.forward",
    ]);
  });

  it("renders comments: parameters, @example as highlighted code, @returns, @default", () => {
    const ctor = autograd.querySelector("#Value")!.parentElement!.querySelector("dl.params")!;
    expect([...ctor.querySelectorAll("dt")].map((d) => d.textContent)).toEqual(["data", "label"]);
    const add = autograd.querySelector("[id='Value.add']")!.parentElement!;
    expect(add.querySelector(".doc-tag-title")!.textContent).toBe("Example");
    expect(add.querySelector("pre.shiki")!.textContent).toBe("new Value(2).add(3).data; // 5");
    expect(autograd.querySelector("#toDot")!.parentElement!.textContent).toContain(
      "Returnsthe DOT source",
    );
    expect(
      autograd.querySelector("[id='DotOptions.horizontal']")!.parentElement!.textContent,
    ).toContain("Defaultfalse");
  });

  it("links each package page back to the lessons that build it", () => {
    expect(autograd.querySelector(".lesson-meta a")!.getAttribute("href")).toBe(
      "../01-values.html",
    );
    expect(neuron.querySelector(".lesson-meta")!.textContent).toBe(
      "No lesson builds this package yet.",
    );
  });

  it("lists every package on the index with its exports", () => {
    const index = dom(apiIndexPage(packages, course, { lessons: [], packages: [] }));
    expect(
      [...index.querySelectorAll(".api-packages > li > a")].map((a) => a.getAttribute("href")),
    ).toEqual(["autograd.html", "neuron.html"]);
    expect(
      dom(apiIndexPage([], course, { lessons: [], packages: [] })).querySelector(
        "main p:not(.lead)",
      )!.textContent,
    ).toMatch(/still being written/);
  });
});
