import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

// The explorer's JavaScript, bundled apart from the site's (it loads on explore.html only): the
// page script and, through `new Worker(new URL(…))`, its worker with the step packages.

const CLIENT = fileURLToPath(new URL("./client", import.meta.url));

/** Bundles explore.js and its worker into `out` (assets/explore), reading the packages' sources under `root`. */
export async function bundleExplorer(root: string, out: string): Promise<void> {
  const alias = {
    find: /^@gradbook\/([\w-]+)$/,
    replacement: join(root, "packages/$1/src/index.ts"),
  };
  await build({
    configFile: false,
    logLevel: "warn",
    root: CLIENT,
    base: "./", // the worker is found beside explore.js, wherever the site is served
    publicDir: false,
    resolve: { alias: [alias] },
    worker: {
      format: "es",
      rollupOptions: {
        treeshake: { moduleSideEffects: false },
        output: { entryFileNames: "[name]-[hash].js" },
      },
    },
    build: {
      outDir: out,
      emptyOutDir: true,
      target: "es2022",
      modulePreload: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: { explore: join(CLIENT, "main.ts") },
        // @gradbook/train's index also exports its SVG figures (Observable Plot, linkedom): unused
        // here, and without side effects, so they are left out of the bundle.
        treeshake: { moduleSideEffects: false },
        // The worker is bundled inside vite's worker plugin's transform, so that hook holds most
        // of the build's time by design: rolldown's warning about it would only be noise.
        checks: { bundlerTimings: false },
        output: {
          format: "es",
          entryFileNames: "[name].js",
          chunkFileNames: "[name]-[hash].js",
          assetFileNames: "[name]-[hash][extname]",
        },
      },
    },
  });
}
