import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLASSES, MNIST_SPLIT, packDigits, pick, split } from "@gradbook/classify";
import { loadMnist } from "@gradbook/classify/mnist";
import { Rng } from "@gradbook/neuron";
import { build } from "vite";

// The draw page's files, apart from the site's (they load on draw.html only): its script, the
// net's weights as lesson 09's recorded run left them, and a few test digits to pick from.

const CLIENT = fileURLToPath(new URL("./client", import.meta.url));

/** Test digits offered by the keyboard picker: the first few of each class in lesson 09's test set. */
const PICKED_PER_CLASS = 5;

/** Bundles draw.js into `out` (assets/draw) and writes net.f32 and digits.bin beside it. */
export async function bundleDraw(root: string, out: string): Promise<void> {
  const alias = {
    find: /^@gradbook\/([\w-]+)$/,
    replacement: join(root, "packages/$1/src/index.ts"),
  };
  await build({
    configFile: false,
    logLevel: "warn",
    root: CLIENT,
    base: "./",
    publicDir: false,
    resolve: { alias: [alias] },
    build: {
      outDir: out,
      emptyOutDir: true,
      target: "es2022",
      modulePreload: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: { draw: join(CLIENT, "main.ts") },
        treeshake: { moduleSideEffects: false },
        output: { format: "es", entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js" },
      },
    },
  });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "net.f32"), readFileSync(join(root, "packages/classify/bench/net.f32")));
  const { test } = split(loadMnist(), new Rng(0), MNIST_SPLIT);
  const chosen = Array.from({ length: CLASSES }, (_, label) =>
    [...test.labels.keys()].filter((i) => test.labels[i] === label).slice(0, PICKED_PER_CLASS),
  ).flat();
  writeFileSync(
    join(out, "digits.bin"),
    packDigits(
      pick(
        test,
        chosen.sort((a, b) => a - b),
      ),
    ),
  );
}
