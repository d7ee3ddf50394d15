import { join } from "node:path";
import { build } from "vite";
import { describe, expect, it, type TestContext } from "vitest";
import { useBrowserSites } from "./harness.ts";
import { digests } from "./math-digest.ts";

// The library's exp, log, tanh, sin, cos, pow give the same bits in chromium as in Node: the
// digest of 40,000 results per function is computed by the same code, bundled, in both engines.
// Math.* is fingerprinted too, to show what the library's functions protect against.

const sites = useBrowserSites();

/** math-digest.ts and the library, bundled into one script that sets `globalThis.mathDigests`. */
async function probeScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: "warn",
    build: {
      write: false,
      minify: false,
      lib: {
        entry: join(import.meta.dirname, "math-digest.ts"),
        formats: ["iife"],
        name: "mathDigests",
        fileName: "probe",
      },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) =>
    "output" in o ? o.output : [],
  );
  const chunk = chunks.find((c) => c.type === "chunk");
  if (chunk?.type !== "chunk")
    throw new Error("math.browser.test: vite produced no script chunk for math-digest.ts");
  return chunk.code;
}

describe("elementary functions in chromium", () => {
  it("give the same bits as in Node, function by function", async (ctx: TestContext) => {
    sites.needsChromium(ctx);
    const page = await sites.browser.newPage();
    await page.addScriptTag({ content: await probeScript() });
    const inPage = await page.evaluate(() => {
      const probe = (
        globalThis as unknown as {
          mathDigests: { digests: (useMath?: boolean) => Record<string, string> };
        }
      ).mathDigests;
      return { own: probe.digests(), builtin: probe.digests(true) };
    });
    await page.close();
    const own = digests();
    expect(Object.keys(own)).toEqual(["exp", "expm1", "log", "log1p", "tanh", "sin", "cos", "pow"]);
    expect(inPage.own).toEqual(own);
    // For the record, not a requirement: which Math.* functions this chromium rounds differently.
    const builtin = digests(true);
    const differ = Object.keys(builtin).filter((name) => builtin[name] !== inPage.builtin[name]);
    ctx.annotate(
      `Math.* differs from Node ${process.version} in chromium ${sites.browser.version()} for: ${differ.join(", ") || "none"}`,
    );
  });
});
