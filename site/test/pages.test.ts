import { parseLesson } from "@gradbook/lessons/kit";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import type { LessonPage } from "../src/course/lessons.ts";
import { homePage, notFoundPage, summary } from "../src/pages/home.ts";
import type { SiteNav } from "../src/pages/layout.ts";
import { lessonPage, pager } from "../src/pages/lesson.ts";
import { fixtureLesson, render } from "./helpers/render.ts";

// The pages around the rendered lessons: course order, previous/next, the paired package's API,
// the sidebar, the Run button's placeholder, the front page and the 404 page.

const dom = (html: string) => parseHTML(html).document;
const lessons = ["01-figures-and-math.md", "02-running.md", "03-time-limit.md"].map(fixtureLesson);
const course: LessonPage[] = lessons.map((lesson) => ({
  lesson,
  href: `0${lesson.number}-${lesson.slug}.html`,
  label: `0${lesson.number}`,
}));
const nav: SiteNav = {
  lessons: course.map((l) => ({ href: l.href, label: l.label, title: l.lesson.title })),
  packages: [{ href: "api/autograd.html", name: "@gradbook/autograd" }],
};

describe("the pages", () => {
  it("links each lesson to the one before and after it in course order", () => {
    const links = (i: number) =>
      [...dom(pager(course, i)).querySelectorAll("a")].map((a) => [
        a.getAttribute("rel"),
        a.getAttribute("href"),
      ]);
    expect(links(0)).toEqual([["next", "02-running.html"]]);
    expect(links(1)).toEqual([
      ["prev", "01-figures-and-math.html"],
      ["next", "03-time-limit.html"],
    ]);
    expect(links(2)).toEqual([["prev", "02-running.html"]]);
  });

  it("puts the paired package's API link and the Run button's placeholder under the title", async () => {
    const values = parseLesson(
      "lessons/01-values.md",
      "---\npackage: autograd\n---\n\n# Values\n\n```ts\nconsole.log(1);\n```\n\n```text output\n1\n```\n",
    );
    const withPackage = [{ lesson: values, href: "01-values.html", label: "01" }];
    const html = lessonPage({
      course: withPackage,
      index: 0,
      rendered: await render(values),
      nav,
      apiHref: "api/autograd.html",
      runHref: "run/01-values.js",
      timeLimitMs: 10_000,
    });
    const doc = dom(html);
    const title = doc.querySelector("h1")!;
    expect(title.textContent).toBe("Values");
    expect(title.nextElementSibling!.textContent).toBe(
      "This lesson builds @gradbook/autograd — its API reference.",
    );
    expect(title.nextElementSibling!.querySelector("a")!.getAttribute("href")).toBe(
      "api/autograd.html",
    );
    const runner = title.nextElementSibling!.nextElementSibling!;
    expect([
      runner.getAttribute("data-lesson"),
      runner.getAttribute("data-worker"),
      runner.getAttribute("data-time-limit"),
    ]).toEqual(["run/01-values.js", "assets/js/worker.js", "10000"]);
    expect(runner.children.length).toBe(0); // empty without JavaScript
    expect(doc.querySelector("title")!.textContent).toBe("01 Values — gradbook");
  });

  it("points a lesson that builds no package to the API index", async () => {
    const doc = dom(
      lessonPage({ course, index: 1, rendered: await render(lessons[1]!), nav, timeLimitMs: 1 }),
    );
    expect(doc.querySelector(".lesson-meta a")!.getAttribute("href")).toBe("api/index.html");
    expect(doc.querySelector(".runner")).toBeNull(); // no runHref: nothing to run
  });

  it("marks the current lesson in the sidebar and lists its sections under it", async () => {
    const doc = dom(
      lessonPage({ course, index: 1, rendered: await render(lessons[1]!), nav, timeLimitMs: 1 }),
    );
    const current = doc.querySelector(".sidebar a[aria-current='page']")!;
    expect(current.getAttribute("href")).toBe("02-running.html");
    expect(
      [...current.parentElement!.querySelectorAll(".toc a")].map((a) => a.getAttribute("href")),
    ).toEqual(["#shared-scope", "#errors", "#searchable-words"]);
    expect(doc.querySelectorAll(".sidebar .toc").length).toBe(1);
    expect(
      [...doc.querySelectorAll(".sidebar .packages a")].map((a) => a.getAttribute("href")),
    ).toEqual(["api/autograd.html"]);
  });

  it("links KaTeX's stylesheet only on pages with math", async () => {
    const sheets = async (i: number) =>
      [
        ...dom(
          lessonPage({
            course,
            index: i,
            rendered: await render(lessons[i]!),
            nav,
            timeLimitMs: 1,
          }),
        ).querySelectorAll("link[rel=stylesheet]"),
      ].map((l) => l.getAttribute("href"));
    expect(await sheets(0)).toEqual(["assets/site.css", "assets/katex/katex.min.css"]);
    expect(await sheets(1)).toEqual(["assets/site.css"]);
  });

  it("hides what needs JavaScript until it runs: the search box and the theme toggle", () => {
    const doc = dom(homePage(course, nav, []));
    expect(doc.querySelector("form.search")!.hasAttribute("hidden")).toBe(true);
    expect(doc.querySelector("#theme-toggle")!.hasAttribute("hidden")).toBe(true);
  });

  it("lists the lessons on the front page in course order with their summaries", () => {
    const doc = dom(homePage(course, nav, ["<em>one</em>", "two", "three"]));
    const items = [...doc.querySelectorAll(".course li")];
    expect(items.map((li) => li.querySelector("a")!.getAttribute("href"))).toEqual(
      course.map((l) => l.href),
    );
    expect(items.map((li) => li.querySelector("p")!.innerHTML)).toEqual([
      "<em>one</em>",
      "two",
      "three",
    ]);
    expect(doc.querySelector("link[href$='katex.min.css']")).toBeNull();
    expect(
      dom(homePage(course, nav, ['<span class="katex">x</span>'])).querySelector(
        "link[href$='katex.min.css']",
      ),
    ).not.toBeNull();
  });

  it("takes a lesson's summary from its first paragraph of prose, as markdown", () => {
    expect(
      summary(
        "---\npackage: none\n---\n\n# T\n\n```ts\nx\n```\n\nFirst *para*\ngraph with $x^2$.\n\nSecond.",
      ),
    ).toBe("First *para* graph with $x^2$.");
    // A sentence that introduces a table is left out (lesson 07's first paragraph), or the whole paragraph if it is one.
    expect(
      summary("# T\n\nThe run is 8004 steps. Here is how long it takes:\n\n| a |\n| - |\n\nMore."),
    ).toBe("The run is 8004 steps.");
    expect(summary("# T\n\nHere is how long it takes:\n\n| a |\n| - |\n\nThen this.")).toBe(
      "Then this.",
    );
  });

  it("links the 404 page from the site root, since it is served at any depth", () => {
    const doc = dom(notFoundPage(nav));
    expect(doc.querySelector("link[rel=stylesheet]")!.getAttribute("href")).toBe(
      "/assets/site.css",
    );
    expect(doc.querySelector("main a")!.getAttribute("href")).toBe("/index.html");
  });
});
