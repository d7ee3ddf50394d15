import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, type Plugin } from "vite";
import { typeFiles } from "./types.ts";

// The site's optional JavaScript, bundled with vite at build time: site.js (theme toggle,
// search, the Run and Edit buttons) for every page, whose chunks load on demand (the editor,
// CodeMirror, on the first Edit click), and worker.js for runs: the compiler (sucrase) and a
// table of the modules lessons import — the step packages (TypeScript sources, bundled as they
// are), the kit's figures, and a small `expect` standing in for vitest's, each its own chunk;
// and type-check.js, TypeScript checking edited code, with types.json, the files it reads (types.ts).

export interface BundleOptions {
  /** The repository root. */
  root: string;
  /** site/src/client */
  client: string;
  /** The folder the bundle is written to (dist/assets/js). */
  out: string;
  /** The step packages that exist (packages/NAME/src/index.ts). */
  packages: string[];
}

/** The modules a lesson may import in the browser, by specifier → file. */
export function browserModules(
  root: string,
  client: string,
  packages: string[],
): Record<string, string> {
  const table: Record<string, string> = { vitest: join(client, "expect.ts") };
  for (const name of packages)
    table[`@gradbook/${name}`] = join(root, "packages", name, "src/index.ts");
  const figure = join(root, "lessons/kit/figure.ts");
  if (existsSync(figure)) table["@gradbook/lessons/figure"] = figure;
  return table;
}

/** A virtual module exporting `modules`: specifier → loader (a dynamic import, so a chunk). */
function modulesPlugin(table: Record<string, string>): Plugin {
  const id = "virtual:gradbook-modules";
  return {
    name: "gradbook-modules",
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(source) {
      if (source !== `\0${id}`) return undefined;
      const entries = Object.entries(table).map(
        ([specifier, file]) =>
          `  ${JSON.stringify(specifier)}: () => import(${JSON.stringify(file)}),`,
      );
      return `export const modules = {\n${entries.join("\n")}\n};\n`;
    },
  };
}

/** Bundles site.js and worker.js (with their chunks) into `options.out`. */
export async function bundleClient(options: BundleOptions): Promise<void> {
  await build({
    configFile: false,
    logLevel: "warn",
    root: options.client,
    publicDir: false,
    plugins: [modulesPlugin(browserModules(options.root, options.client, options.packages))],
    build: {
      outDir: options.out,
      emptyOutDir: true,
      target: "es2022",
      modulePreload: false, // the preload helper touches `document`, which a worker lacks
      reportCompressedSize: false,
      // The figures chunk (Plot, Graphviz) is large and loads only on Run; TypeScript (the type
      // check's worker) is larger still, and loads only with the first edit.
      chunkSizeWarningLimit: 8192,
      rollupOptions: {
        input: {
          site: join(options.client, "main.ts"),
          worker: join(options.client, "worker.ts"),
          "type-check": join(options.client, "type-check-worker.ts"),
        },
        output: {
          format: "es",
          entryFileNames: "[name].js",
          chunkFileNames: "chunks/[name]-[hash].js",
        },
      },
    },
  });
  const types = typeFiles(
    options.root,
    browserModules(options.root, options.client, options.packages),
  );
  writeFileSync(join(options.out, "types.json"), JSON.stringify(types));
}
