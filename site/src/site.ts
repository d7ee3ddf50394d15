import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { commentMarkdown } from "./api/comments.ts";
import { apiLinks } from "./api/links.ts";
import { apiIndexPage, apiPage } from "./api/page.ts";
import { findPackages, loadApi } from "./api/typedoc.ts";
import { copyKatex, writeStyles } from "./assets.ts";
import { loadCourse } from "./course/lessons.ts";
import { recordLessons } from "./course/record.ts";
import { placeFigures, readRecords } from "./course/records.ts";
import { mathCharacters } from "./fonts.ts";
import { inputsHash } from "./freshness.ts";
import { homePage, notFoundPage, summary } from "./pages/home.ts";
import type { SiteNav } from "./pages/layout.ts";
import { lessonPage } from "./pages/lesson.ts";
import { PROSE_PAGES, prosePage } from "./pages/prose.ts";
import { createCodeHighlighter } from "./render/highlight.ts";
import { renderLesson } from "./render/lesson.ts";
import { createSiteMarkdown } from "./render/markdown.ts";
import { bundleClient } from "./runner/bundle.ts";
import { lessonData } from "./runner/data.ts";
import { bundleDraw } from "./draw/bundle.ts";
import { drawPage } from "./draw/page.ts";
import { bundleExplorer } from "./explore/bundle.ts";
import { explorePage } from "./explore/page.ts";
import { apiDocuments, lessonDocuments, searchIndex, type SearchDocument } from "./search.ts";

// The site build, in two phases. First, side by side: run the lessons through vitest
// (recording their output and figures), read the packages with typedoc, bundle the optional
// JavaScript. Then render every page from those, and write the search index and assets.

/** The client code: site/src/client. */
const CLIENT = fileURLToPath(new URL("./client", import.meta.url));
/** The draw-a-digit page's stylesheet, inlined in draw.html. */
const DRAW_CSS = fileURLToPath(new URL("./draw/draw.css", import.meta.url));
/** The XOR explorer's stylesheet, inlined in explore.html. */
const EXPLORE_CSS = fileURLToPath(new URL("./explore/explore.css", import.meta.url));

export interface SiteOptions {
  /** The repository root. */
  root: string;
  /** The folder of the lessons (NN-slug.md). */
  lessons: string;
  /** Where the site goes (emptied first). */
  out: string;
  /** Where records and typedoc's config go. */
  cache: string;
  /** A vitest config to run the lessons with; by default the root config's `lessons` project. */
  vitestConfig?: string;
  /**
   * Where a run of these lessons already recorded them, once known (a test suite's own run), or
   * undefined: then the build runs the lessons itself.
   */
  recorded?: () => Promise<string | undefined>;
  /** Whether to build the API reference. @default true */
  api?: boolean;
  /** How long a block may run in the page without printing or reporting progress. @default 30000 */
  timeLimitMs?: number;
}

/** What a build made, and how long its phases took (ms). */
export interface BuildReport {
  pages: string[];
  lessons: string[];
  packages: string[];
  /** How many recorded figures each lesson page shows. */
  figures: Record<string, number>;
  timings: Record<string, number>;
}

/** Builds the site into `options.out`. Throws if a lesson fails or does not render. */
export async function buildSite(options: SiteOptions): Promise<BuildReport> {
  const { root } = options;
  const started = performance.now();
  const inputs = inputsHash(root); // before reading anything: files edited during the build make it stale
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work;
    timings[name] = Math.round(performance.now() - start);
    return result;
  };
  // Build in the cache and swap it in at the end: a failed build leaves the last good site.
  const final = options.out;
  const out = join(options.cache, "dist-partial");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const course = loadCourse(options.lessons, root); // a lesson that does not parse fails here, first
  const packageNames = options.api === false ? [] : findPackages(root);
  const recordsDir = join(options.cache, "records");

  // Phase 1: the three slow, independent parts at once.
  const lessonRecords = async () => {
    const recorded = await options.recorded?.();
    if (recorded) return recorded;
    await recordLessons({
      root,
      dir: recordsDir,
      ...(options.vitestConfig ? { config: options.vitestConfig } : {}),
    });
    return recordsDir;
  };
  const [recordedIn, packages, , , drawFiles, highlighter] = await Promise.all([
    timed("lessons", course.length ? lessonRecords() : Promise.resolve(recordsDir)),
    timed("api", loadApi(root, packageNames, options.cache)),
    timed(
      "bundle",
      bundleClient({ root, client: CLIENT, out: join(out, "assets/js"), packages: packageNames }),
    ),
    timed("explorer", bundleExplorer(root, join(out, "assets/explore"))),
    timed("draw", bundleDraw(root, join(out, "assets/draw"))),
    createCodeHighlighter(),
  ]);

  // Phase 2: pages.
  const renderStart = performance.now();
  const pages: string[] = [];
  const mathChars = new Set<string>(); // of every page's typeset math: what KaTeX's fonts keep
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), content);
    if (!path.endsWith(".html")) return;
    pages.push(path);
    for (const char of mathCharacters(content)) mathChars.add(char);
  };
  const links = apiLinks(packages);
  const nav: SiteNav = {
    lessons: course.map(({ href, label, lesson }) => ({ href, label, title: lesson.title })),
    packages: packages.map((p) => ({ href: p.href, name: p.fullName })),
  };
  const apiHref = (name: string | null) =>
    name && packages.some((p) => p.name === name) ? `api/${name}.html` : undefined;
  const linkFor = (path: string) => apiHref(/^packages\/([\w-]+)\//.exec(path)?.[1] ?? null);
  const md = createSiteMarkdown();
  const records = readRecords(recordedIn);
  const documents: SearchDocument[] = [];
  const figures: Record<string, number> = {}; // per lesson page: what the browser tests expect to see

  for (const [index, { lesson, href, label }] of course.entries()) {
    const placed = placeFigures(lesson, records.get(lesson.file));
    figures[href] = [...placed.values()].reduce((n, list) => n + list.length, 0);
    const rendered = renderLesson(md, lesson, placed, { root, highlighter, linkFor });
    const data = lessonData(lesson, records.get(lesson.file));
    const runHref = data ? `run/${label}-${lesson.slug}.json` : undefined;
    if (runHref) write(runHref, JSON.stringify(data));
    const apiPageHref = apiHref(lesson.package);
    write(
      href,
      lessonPage({
        course,
        index,
        rendered,
        nav,
        timeLimitMs: options.timeLimitMs ?? 30_000,
        ...(apiPageHref ? { apiHref: apiPageHref } : {}),
        ...(runHref ? { runHref } : {}),
      }),
    );
    documents.push(...lessonDocuments(href, `${label} ${lesson.title}`, rendered.sections));
  }
  for (const name of PROSE_PAGES) {
    const path = join(options.lessons, `${name}.md`);
    if (!existsSync(path)) continue; // a course without it (the tests' small fixture courses)
    const source = readFileSync(path, "utf8");
    const title = /^# (.+)$/m.exec(source)?.[1] ?? name;
    const prose = {
      file: `lessons/${name}.md`,
      number: 0,
      slug: name,
      title,
      package: null,
      meta: {},
      source,
      blocks: [],
      includes: [],
    };
    const rendered = renderLesson(md, prose, new Map(), { root, highlighter, linkFor });
    write(`${name}.html`, prosePage(name, title, rendered, nav));
    documents.push(...lessonDocuments(`${name}.html`, title, rendered.sections));
  }
  write("explore.html", explorePage(course, nav, readFileSync(EXPLORE_CSS, "utf8")));
  write(
    "draw.html",
    drawPage(
      nav,
      readFileSync(DRAW_CSS, "utf8"),
      course.find((c) => c.lesson.package === "classify")?.href,
      drawFiles.trainingBytes,
    ),
  );
  write(
    "index.html",
    homePage(
      course,
      nav,
      course.map(({ lesson }) => md.renderInline(summary(lesson.source), { toc: [] })),
    ),
  );
  const commentMd = commentMarkdown(highlighter);
  for (const pkg of packages) write(pkg.href, apiPage(pkg, links, course, nav, commentMd));
  write("api/index.html", apiIndexPage(packages, course, nav));
  write("404.html", notFoundPage(nav));
  documents.push(...apiDocuments(packages, links.href));
  write("search-index.json", searchIndex(documents));
  writeStyles(out, highlighter.css()); // after every page: the token classes are all known now
  timings.render = Math.round(performance.now() - renderStart);
  await timed("fonts", copyKatex(out, mathChars)); // after every page too: all math is typeset now
  timings.total = Math.round(performance.now() - started);
  const report: BuildReport = {
    pages,
    lessons: course.map((l) => l.href),
    packages: packages.map((p) => p.name),
    figures,
    timings,
  };
  // Sources edited while the build ran may have reached one part and not another (the lessons'
  // run and the Run button's bundle read the packages at different moments): never call that fresh.
  const settled = inputsHash(root) === inputs;
  if (!settled)
    console.warn("site: sources changed during the build; build again for a consistent site");
  writeFileSync(
    join(out, "build-info.json"),
    JSON.stringify({ inputs: settled ? inputs : "changed-during-build", ...report }, null, 1) +
      "\n",
  );
  rmSync(final, { recursive: true, force: true });
  renameSync(out, final);
  return report;
}
