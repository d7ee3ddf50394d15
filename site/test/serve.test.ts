import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSiteServer, listen, resolvePath, servedMessage } from "../src/serve.ts";

// The static server `pnpm start` runs: content types, folder indexes, the 404 page, and no way
// out of the site's folder.

const dir = mkdtempSync(join(tmpdir(), "gradbook-serve-"));
let server: Server;
let base: string;

beforeAll(async () => {
  mkdirSync(join(dir, "api"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), "<h1>home</h1>");
  writeFileSync(join(dir, "404.html"), "<h1>missing</h1>");
  writeFileSync(join(dir, "api/index.html"), "<h1>api</h1>");
  writeFileSync(join(dir, "assets/a.woff2"), "font");
  writeFileSync(join(dir, "assets/a.svg"), "<svg/>");
  writeFileSync(join(dir, "assets/a.js"), "1");
  writeFileSync(join(dir, "assets/a.css"), "a{}");
  writeFileSync(join(dir, "search-index.json"), "{}");
  server = createSiteServer(dir);
  base = `http://127.0.0.1:${await listen(server, 0)}`;
});
afterAll(() => void server.close());

describe("the static server", () => {
  it.each([
    ["/", "text/html; charset=utf-8"],
    ["/assets/a.woff2", "font/woff2"],
    ["/assets/a.svg", "image/svg+xml"],
    ["/assets/a.js", "text/javascript; charset=utf-8"],
    ["/assets/a.css", "text/css; charset=utf-8"],
    ["/search-index.json", "application/json; charset=utf-8"],
  ])("serves %s as %s", async (path, type) => {
    const response = await fetch(base + path);
    expect([response.status, response.headers.get("content-type")]).toEqual([200, type]);
  });

  it("gzips text for a browser that accepts it, and leaves fonts as they are", async () => {
    const encoding = async (path: string) =>
      (await fetch(base + path, { headers: { "accept-encoding": "gzip" } })).headers.get(
        "content-encoding",
      );
    expect([
      await encoding("/"),
      await encoding("/assets/a.css"),
      await encoding("/assets/a.woff2"),
    ]).toEqual(["gzip", "gzip", null]);
    expect(await (await fetch(base + "/assets/a.css")).text()).toBe("a{}"); // decoded as it was
  });

  it("serves a folder's index.html", async () => {
    expect(await (await fetch(`${base}/api/`)).text()).toBe("<h1>api</h1>");
  });

  it("answers an unknown path with the 404 page and status", async () => {
    const response = await fetch(`${base}/no/such/page.html`);
    expect([response.status, await response.text()]).toEqual([404, "<h1>missing</h1>"]);
  });

  it("never serves a file outside the site's folder", () => {
    expect(resolvePath(join(dir, "api"), "/../index.html")).toBeUndefined();
    expect(resolvePath(dir, "/%2e%2e/%2e%2e/etc/passwd")).toBeUndefined();
    expect(resolvePath(dir, "/%E0%A4%A")).toBeUndefined(); // not decodable
  });
});

describe("a busy port", () => {
  it("moves to the next free port and says so loudly, naming both", async () => {
    const taken = createServer();
    const busy = await listen(taken, 0);
    const second = createSiteServer(dir);
    try {
      const port = await listen(second, busy);
      expect(port).toBeGreaterThan(busy);
      const message = servedMessage(busy, port);
      expect(message).toContain(`Port ${busy} is busy`);
      expect(message).toContain(`http://127.0.0.1:${port}/`);
    } finally {
      second.close();
      taken.close();
    }
  });

  it("prints only the address when the port was free", () => {
    expect(servedMessage(4173, 4173)).toBe(
      "\n  gradbook is served at http://127.0.0.1:4173/  (Ctrl+C stops it)\n",
    );
  });
});
