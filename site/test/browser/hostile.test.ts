import { createServer } from "node:http";
import { join } from "node:path";
import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { listen } from "../../src/serve.ts";
import { ENDS_WITHIN_MS, edit, runTo } from "./editing.ts";
import { useBrowserSites } from "./harness.ts";
import { RESULTS } from "./results.ts";
import { RUN_FINISHED, setRunLimit } from "./run.ts";

// A reader's code is untrusted (it may be pasted from anyone): whatever it does, the page must
// stay responsive, run no script of its making, end every run and leave no box "Running…".
// Issue 26's bugs 1, 2 and 4, each first shown failing on the code before its fix.
// Page code is written as strings: this project's type check has no DOM types.

const sites = useBrowserSites();
const withPage = <T>(options: BrowserContextOptions, work: (page: Page) => Promise<T>) =>
  sites.withContext(options, async (context) => work(await context.newPage()));
const RUNNING = () => sites.fixture.base + "02-running.html";

const labels = (page: Page) =>
  page.evaluate(
    `[...document.querySelectorAll(".run-result .label")].map((l) => l.textContent)`,
  ) as Promise<string[]>;
const status = (page: Page) => page.textContent(".block-status") as Promise<string>;

/** Collects what the page throws and what the page itself logs. */
function watch(page: Page): { errors: string[]; logs: string[] } {
  const seen = { errors: [] as string[], logs: [] as string[] };
  page.on("pageerror", (error) => seen.errors.push(error.message));
  page.on("console", (message) => seen.logs.push(message.text()));
  return seen;
}

describe("a hostile run in the page", () => {
  it("bug 1: an endless loop that prints is capped at 2,000 lines with the count of the rest, and stops", async (ctx) => {
    sites.needsChromium(ctx);
    await withPage({}, async (page) => {
      const seen = watch(page);
      await page.goto(RUNNING());
      await edit(page, 0, "let i = 0;\nfor (;;) console.log(i++);\n");
      await setRunLimit(page, 2000, 20_000);
      await runTo(page, 0);
      const shown = (await page.textContent(".run-result pre")) ?? "";
      const lines = shown.replace(/\n$/, "").split("\n");
      // The first 2,000 lines as printed (0 … 1999), then how many more there were.
      expect(lines.slice(0, 3)).toEqual(["0", "1", "2"]);
      expect(lines[1999]).toBe("1999");
      expect(lines[2000]).toMatch(/^… [\d,]+ more lines$/);
      expect(lines.length).toBe(2001);
      expect(await status(page)).toMatch(/^Stopped after /);
      expect(await labels(page)).not.toContain("Running…");
      expect(seen.errors).toEqual([]);
      await page.screenshot({ path: join(RESULTS, "hostile-print-loop.png") });
    });
  });

  it("bug 1: an endless loop that shows figures is capped too, and stops", async (ctx) => {
    sites.needsChromium(ctx);
    await withPage({}, async (page) => {
      await page.goto(RUNNING());
      await edit(
        page,
        0,
        `const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>';\nfor (;;) show({ svg, alt: "a dot" });\n`,
      );
      await setRunLimit(page, 2000, 20_000);
      await runTo(page, 0);
      expect(await page.locator(".run-result figure").count()).toBeLessThanOrEqual(100);
      expect(await page.textContent(".run-result")).toMatch(/… [\d,]+ more figures/);
      expect(await status(page)).toMatch(/^Stopped after /);
      expect(await labels(page)).not.toContain("Running…");
    });
  });

  it("bug 2: a figure cannot run script in the page: it is parsed as SVG and sanitised", async (ctx) => {
    sites.needsChromium(ctx);
    await withPage({}, async (page) => {
      const seen = watch(page);
      await page.goto(RUNNING());
      const figures = [
        `<svg></svg><img src=x onerror="window.pwned = 'img'">`,
        `<svg xmlns="http://www.w3.org/2000/svg"><script>window.pwned = 'script'</script><circle r="3" onload="window.pwned = 'onload'"/></svg>`,
        `<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="window.pwned = 'foreign'"/></div></foreignObject></svg>`,
        `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a href="javascript:window.pwned='href'"><text id="click-me" y="10">click</text></a><image href="http://example.com/x.png"/><set attributeName="onmouseover" to="window.pwned='set'"/></svg>`,
      ];
      await edit(
        page,
        0,
        `for (const svg of ${JSON.stringify(figures)}) show({ svg, alt: "hostile" });\n`,
      );
      await runTo(page, 0);
      expect(await page.locator("#click-me").count()).toBe(0); // the link and its text went with the <a>
      expect(await page.evaluate("window.pwned")).toBeUndefined();
      const inserted = (await page.evaluate(
        `[...document.querySelectorAll(".run-result figure")].map((f) => f.innerHTML).join("\\n")`,
      )) as string;
      expect(inserted).not.toMatch(
        /<img|<script|foreignObject|onerror|onload|javascript:|example\.com|<set/i,
      );
      expect(seen.errors).toEqual([]);
    });
  });

  it("bug 2 and 4: messages the run's code posts itself are ignored; a forged 'done' does not end the run", async (ctx) => {
    sites.needsChromium(ctx);
    await withPage({}, async (page) => {
      const seen = watch(page);
      await page.goto(RUNNING());
      const forged = [
        {
          type: "block",
          index: 0,
          output: "forged\n",
          figures: [{ svg: `<img src=x onerror="window.pwned = 'forged'">`, alt: "a" }],
          done: true,
        },
        { type: "block", index: 99, output: "", figures: [], done: true },
        { type: "nonsense" },
        { type: "done", ok: true },
      ];
      await edit(
        page,
        0,
        `for (const m of ${JSON.stringify(forged)}) postMessage(m);\nfor (;;) {}\n`,
      );
      await setRunLimit(page, 1500);
      await runTo(page, 0);
      expect(await status(page)).toBe(
        `Stopped after 1.5 s: the block at line ${await page.locator(".code[data-line]").first().getAttribute("data-line")} printed nothing and reported no progress in that time.`,
      );
      expect(await page.evaluate("window.pwned")).toBeUndefined();
      // The block never reported (its loop never yields), so its box went when the run ended.
      expect(
        await page.evaluate(`document.querySelector(".run-result")?.textContent ?? ""`),
      ).not.toContain("forged");
      expect(await labels(page)).not.toContain("Running…");
      // Ignored, and said so in the console (once: the code's own channel is not listened to).
      expect(seen.logs.filter((l) => l.startsWith("gradbook: ignored a message"))).toEqual([
        expect.stringContaining("(posted by the run's code, not its runtime)"),
      ]);
      expect(seen.errors).toEqual([]);
    });
  });

  it("bug 4: no box stays 'Running…' after a syntax error, the time limit or Stop", async (ctx) => {
    sites.needsChromium(ctx);
    await withPage({}, async (page) => {
      await page.goto(RUNNING());
      // A syntax error in the second block: the first block's box must not keep saying it runs.
      await edit(page, 1, "if (true) {\n");
      await runTo(page, 1);
      expect(await labels(page)).not.toContain("Running…");
      await page.locator(".code[data-line]").nth(1).locator(".block-reset").click();

      await edit(page, 1, "for (;;) {}\n");
      await setRunLimit(page, 1000);
      await runTo(page, 1);
      expect(await labels(page)).not.toContain("Running…");

      await setRunLimit(page, 600_000);
      await page.locator(".code[data-line]").nth(1).locator(".block-run").click();
      await page.locator(".stop-button").click();
      await page.waitForFunction(RUN_FINISHED, undefined, { timeout: ENDS_WITHIN_MS });
      expect(await labels(page)).not.toContain("Running…");
    });
  });

  it("bug 3: a syntax error is blamed on the block and line where it is, not on the block run", async (ctx) => {
    sites.needsChromium(ctx);
    await withPage({}, async (page) => {
      await page.goto(RUNNING());
      // An unclosed brace in block 1, then Run on block 2: block 1's box says where.
      await edit(page, 0, "const a = 1;\nif (true) {\n");
      await page.locator(".code[data-line]").nth(1).locator(".block-edit").click();
      await runTo(page, 1);
      const boxes = (await page.evaluate(
        `[...document.querySelectorAll(".code[data-line]")].map((c) => document.getElementById("run-result-" + c.dataset.line)?.textContent ?? "")`,
      )) as string[];
      expect(boxes[0]).toContain("Failed in your browser");
      expect(boxes[0]).toMatch(/Line 2 of this block: SyntaxError/);
      expect(boxes[1]).toBe(""); // block 2 never ran, and nothing is blamed on it
      expect(await page.locator(".cm-error-line").textContent()).toBe("if (true) {");
    });
  });

  it("bug 3 and 8: the lesson's Run blames a syntax error on its block, says Run again only after a whole run, and a run that keeps printing ends at the overall limit", async (ctx) => {
    sites.needsChromium(ctx);
    await withPage({}, async (page) => {
      await page.goto(RUNNING());
      const lessonButton = () => page.textContent(".run-button") as Promise<string>;
      await edit(page, 0, "const a = 1;\nif (true) {\n");
      // One block's Run: the lesson's button still offers the whole lesson, not "again".
      await runTo(page, 0);
      expect(await lessonButton()).toBe("Run this lesson in your browser");
      await page.locator(".run-button").click();
      await page.waitForFunction(RUN_FINISHED, undefined, {
        timeout: ENDS_WITHIN_MS,
        polling: 200,
      });
      expect(await page.textContent(".run-result")).toMatch(
        /^Failed in your browserLine 2 of this block: SyntaxError/,
      );
      expect(await page.locator(".run-result").count()).toBe(1); // block 2 never ran
      expect(await lessonButton()).toBe("Run again");

      // News every 50 ms keeps the quiet limit away: the run's overall limit ends it.
      await edit(
        page,
        0,
        "for (let i = 0; ; i++) {\n  console.log(i);\n  await new Promise((done) => setTimeout(done, 50));\n}\n",
      );
      await setRunLimit(page, ENDS_WITHIN_MS, 2500);
      await runTo(page, 0);
      const line = await page.locator(".code[data-line]").first().getAttribute("data-line");
      expect(await status(page)).toBe(
        `Stopped after 2.5 s, the time limit of a run, at the block at line ${line}.`,
      );
      expect(await labels(page)).toEqual(["Stopped before it finished"]);
    });
  });

  it("bug 2: the page and its worker cannot reach another host (a content security policy)", async (ctx) => {
    sites.needsChromium(ctx);
    // Another origin on this machine, counting the requests that reach it.
    const hits: string[] = [];
    const other = createServer((request, response) => {
      hits.push(request.url ?? "");
      response
        .writeHead(200, { "access-control-allow-origin": "*", "content-type": "text/javascript" })
        .end("export default 1;");
    });
    const port = await listen(other, 0);
    try {
      // With the policy on: the other tests bypass it (see chromium.ts).
      await withPage({ bypassCSP: false }, async (page) => {
        const response = await page.goto(RUNNING());
        expect(response?.headers()["content-security-policy"]).toMatch(/connect-src 'self'/);
        expect(
          await page.locator(`meta[http-equiv="Content-Security-Policy"]`).getAttribute("content"),
        ).toMatch(/connect-src 'self'/);
        const url = `http://127.0.0.1:${port}`;
        await edit(
          page,
          0,
          [
            `for (const go of [() => fetch("${url}/fetch"), () => new Promise((ok, no) => { const x = new XMLHttpRequest(); x.onload = ok; x.onerror = no; x.open("GET", "${url}/xhr"); x.send(); }), () => (0, eval)('import("${url}/import.js")')]) {`,
            `  try { await go(); console.log("reached"); } catch { console.log("refused"); }`,
            `}`,
            ``,
          ].join("\n"),
        );
        await page.locator(".code[data-line]").first().locator(".block-run").click();
        // playwright's waitForFunction evaluates its predicate with eval, which the policy forbids: poll.
        await expect
          .poll(() => page.evaluate(RUN_FINISHED), { timeout: ENDS_WITHIN_MS, interval: 200 })
          .toBe(true);
        expect(await page.textContent(".run-result pre")).not.toContain("reached");
        // The page itself: an image from another host is refused too.
        await page.evaluate(
          `new Promise((done) => { const i = new Image(); i.onload = i.onerror = done; i.src = "${url}/image.png"; })`,
        );
      });
      expect(hits).toEqual([]);
    } finally {
      other.close();
    }
  });
});
