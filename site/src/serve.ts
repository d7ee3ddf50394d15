import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { HEADER_ONLY, PAGE_POLICY, WORKER_POLICY } from "./pages/csp.ts";

// A small static server for site/dist on 127.0.0.1: `pnpm start` runs it after the build.
// Folders serve their index.html; unknown paths get the site's 404 page. Text is sent gzipped
// to a browser that accepts it (fonts are compressed already). Every response carries the site's
// content security policy (pages/csp.ts).

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** The file a request path maps to inside `dir`, or undefined (outside it, or absent). */
export function resolvePath(dir: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  } catch {
    return undefined;
  }
  const file = normalize(join(dir, path));
  if (file !== dir && !file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return undefined; // no ../ out of the site
  if (!existsSync(file)) return undefined;
  if (statSync(file).isDirectory()) {
    const index = join(file, "index.html");
    return existsSync(index) ? index : undefined;
  }
  return file;
}

/** A server for the static site in `dir`. */
export function createSiteServer(dir: string): Server {
  const root = resolve(dir);
  return createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const file = resolvePath(root, request.url ?? "/");
    const notFound = join(root, "404.html");
    const status = file ? 200 : 404;
    const served = file ?? (existsSync(notFound) ? notFound : undefined);
    if (!served) {
      response.writeHead(404, { "content-type": TYPES[".txt"]! }).end("Not found\n");
      return;
    }
    const type = TYPES[extname(served)] ?? "application/octet-stream";
    // no-cache: a rebuilt site shows at once (the browser revalidates; the files are small).
    const policy = `${type.startsWith("text/javascript") ? WORKER_POLICY : PAGE_POLICY}; ${HEADER_ONLY}`;
    const headers = {
      "content-type": type,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      vary: "accept-encoding",
      "content-security-policy": policy,
    };
    if (
      /^(text\/|image\/svg|application\/json)/.test(type) &&
      /\bgzip\b/.test(String(request.headers["accept-encoding"]))
    ) {
      const body = gzipSync(readFileSync(served));
      response.writeHead(status, {
        ...headers,
        "content-encoding": "gzip",
        "content-length": body.length,
      });
      response.end(request.method === "HEAD" ? undefined : body);
      return;
    }
    response.writeHead(status, { ...headers, "content-length": statSync(served).size });
    if (request.method === "HEAD") response.end();
    else createReadStream(served).pipe(response);
  });
}

/** Listens on 127.0.0.1 at `port`, or the next free port after it (up to ten tries). */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((done, fail) => {
    const attempt = (p: number) => {
      const retry = (error: NodeJS.ErrnoException) => {
        if (error.code === "EADDRINUSE" && p < port + 10) attempt(p + 1);
        else fail(error);
      };
      server.once("error", retry);
      server.listen(p, "127.0.0.1", () => {
        server.off("error", retry);
        done((server.address() as { port: number }).port);
      });
    };
    attempt(port);
  });
}

/** What `pnpm start` prints: the address, and loudly, when `wanted` was busy, the move to `port`. */
export function servedMessage(wanted: number, port: number): string {
  const moved =
    port === wanted
      ? ""
      : `\n  !! Port ${wanted} is busy (another gradbook, or another server), so this one moved to ${port}.` +
        `\n  !! Open the address below, not :${wanted}; choose one with PORT, e.g. PORT=${wanted + 100} pnpm start.\n`;
  return `${moved}\n  gradbook is served at http://127.0.0.1:${port}/  (Ctrl+C stops it)\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = fileURLToPath(new URL("../dist", import.meta.url));
  if (!existsSync(join(dist, "index.html"))) {
    console.error(
      "site/dist has no site yet: run `pnpm start` (or `pnpm build`) from the repository root.",
    );
    process.exit(1);
  }
  const wanted = Number(process.env.PORT ?? 4173);
  const port = await listen(createSiteServer(dist), wanted);
  console.log(servedMessage(wanted, port));
}
