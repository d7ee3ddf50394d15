import type { LessonPage } from "../course/lessons.ts";
import { escapeHtml } from "../render/escape.ts";
import { page, type SiteNav } from "./layout.ts";

/**
 * The first paragraph of a lesson's prose (its markdown): its summary on the front page. A
 * sentence that ends on a colon introduces what follows it (a table, a list), which the front
 * page does not show: the summary ends before it, or is the next paragraph.
 */
export function summary(source: string): string {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, "").replace(/```[\s\S]*?```/g, "");
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim().replace(/\s+/g, " "))
    .filter((p) => p && !/^(#|<<<|\$\$|[-*>|]|\d+\.)/.test(p));
  for (const paragraph of paragraphs) {
    const text = paragraph.endsWith(":")
      ? paragraph.replace(/(^|(?<=[.!?]) )[^.!?]*:$/, "").trim()
      : paragraph;
    if (text) return text;
  }
  return "";
}

/** The course's front page: what gradbook is, and the lessons in order with their summaries (HTML). */
export function homePage(course: LessonPage[], nav: SiteNav, summaries: string[]): string {
  const items = course
    .map(({ lesson, href, label }, i) => {
      const pkg = lesson.package
        ? ` <span class="package">builds <code>@gradbook/${escapeHtml(lesson.package)}</code></span>`
        : "";
      return `<li><span class="number">${label}</span> <a href="${href}">${escapeHtml(lesson.title)}</a>${pkg}<p>${summaries[i] ?? ""}</p></li>`;
    })
    .join("\n");
  const start = course[0]
    ? `<p><a class="start" href="${course[0].href}">Start with lesson ${course[0].label}: ${escapeHtml(course[0].lesson.title)} →</a></p>`
    : "";
  const main = `<article class="home">
<h1>gradbook</h1>
<p class="lead">A neural-network library built from the chain rule up, in TypeScript, as a course you can run. Every lesson is a program: the code on each page ran in the test run that built this site, and the output and figures under it are what that run printed and drew.</p>
${start}
<p>Or turn the knobs of the assignment first: the <a href="explore.html">XOR explorer</a> trains the network in your browser with the settings of <code>pnpm xor</code>.</p>
<h2 id="lessons">Lessons</h2>
<ol class="course">
${items}
</ol>
<h2 id="run-it-yourself">Run it yourself</h2>
<p>Each lesson is a markdown file in <code>lessons/</code>. With the repository cloned, <code>pnpm test</code> runs every lesson and every package's tests, <code>pnpm learn</code> blanks the code a lesson teaches so you can write it yourself, and <code>pnpm start</code> serves this site.</p>
</article>`;
  const hasMath = summaries.some((html) => html.includes('class="katex'));
  return page({
    title: "gradbook — a neural network from the chain rule up",
    description:
      "A literate TypeScript course that builds a neural-network library from the chain rule up.",
    path: "index.html",
    root: "",
    main,
    nav,
    hasMath,
  });
}

/** The page the server shows for a path the site does not have. */
export function notFoundPage(nav: SiteNav): string {
  const main = `<article><h1>Page not found</h1><p>There is no page at this address. The <a href="/index.html">course's front page</a> lists every lesson, and the <a href="/api/index.html">API reference</a> every package.</p></article>`;
  return page({
    title: "Page not found — gradbook",
    description: "No page at this address.",
    path: "404.html",
    root: "/",
    main,
    nav,
  });
}
