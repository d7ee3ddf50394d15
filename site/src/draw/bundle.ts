import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { CLASSES, MNIST_SPLIT, packDigits, pick, split } from "@gradbook/classify";
import { loadMnist } from "@gradbook/classify/mnist";
import { Rng } from "@gradbook/neuron";
import { build } from "vite";

// The draw page's files, apart from the site's (they load on draw.html only): its script and,
// through `new Worker(new URL(…))`, its training worker; the net's weights as lesson 09's recorded
// run left them; a few test digits to pick from; and, for "Train your own" only, the training
// and validation digits, gzipped here (served as plain bytes, so every host sends them small).

const CLIENT = fileURLToPath(new URL("./client", import.meta.url));

/** Test digits offered by the keyboard picker: the first few of each class in lesson 09's test set. */
const PICKED_PER_CLASS = 5;

/**
 * Bundles draw.js and its worker into `out` (assets/draw) and writes net.f32, digits.bin,
 * train.bin.gz and validation.bin.gz beside them; returns the size of the last two.
 */
export async function bundleDraw(root: string, out: string): Promise<{ trainingBytes: number }> {
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
    worker: {
      format: "es",
      rollupOptions: {
        treeshake: { moduleSideEffects: false },
        checks: { bundlerTimings: false }, // the worker is bundled inside a transform hook, by design
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
        input: { draw: join(CLIENT, "main.ts") },
        treeshake: { moduleSideEffects: false },
        checks: { bundlerTimings: false }, // the worker is bundled inside a transform hook, by design
        output: { format: "es", entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js" },
      },
    },
  });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "net.f32"), readFileSync(join(root, "packages/classify/bench/net.f32")));
  const { train, validation, test } = split(loadMnist(), new Rng(0), MNIST_SPLIT);
  let trainingBytes = 0;
  for (const [file, set] of [
    ["train.bin.gz", train],
    ["validation.bin.gz", validation],
  ] as const) {
    const gzipped = gzipSync(packDigits(set)); // level 9 would take ~20× as long for 2% less
    writeFileSync(join(out, file), gzipped);
    trainingBytes += gzipped.length;
  }
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
  return { trainingBytes };
}
