// `pnpm bench`'s runner: the assignment's run (2001 epochs × 4 single-point steps = 8004 steps) several
// ways, in one process — the Value engine (MLP, l1Loss, SGD, fit), the compiled step (compiledFit's
// steps: the same step replayed from a tape, compiled once before the timing; compiling is timed
// on its own line), the hand-derived twin (PlainMLP, plainFit), and whatever
// later steps add (`@gradbook/tensor`'s bench adds the tensor step: a step package may not import
// a later one) — on the same data in the same order. The ratios to the twin are the figures that
// matter: absolute times on a shared machine are noise.
//
//   pnpm bench [--hidden 5,4] [--epochs N] [--repeats N] [--only engine|compiled|plain|…]
//
// --hidden other than 5,4 starts from Rng(0)'s weights (the assignment's init) instead of the reference
// run's. --only runs one side, for a profile:
//   node --cpu-prof --import tsx packages/compile/bench/xor.ts --only compiled
import { parseArgs } from "node:util";
import { assignmentInit } from "@gradbook/init";
import { l1Loss } from "@gradbook/loss";
import { loadParameters, MLP, parameterData } from "@gradbook/neuron";
import { SGD } from "@gradbook/optim";
import {
  type Dataset,
  fit,
  lcgOrder,
  PlainMLP,
  plainFit,
  assignmentRun,
  xor,
} from "@gradbook/train";
import { CompiledStep, compiledFit, SlotSGD } from "../src/index.ts";

/** What a later step adds to the table: a row, and its run from the initial parameters to the final ones. */
export interface ExtraSide {
  /** The row's label, at most 34 characters: `tensor (MLP + l1Loss + SGD, batch 1)`. */
  label: string;
  /** The same run as the engine's, `n` epochs from the parameters `init` of `model()`: the parameters at the end. */
  run: (n: number, setup: RunSetup) => number[];
  /** Whether its parameters must equal the engine's bit for bit (checked before timing). */
  sameBits: boolean;
}

/** What every side starts from. */
export interface RunSetup {
  /** A fresh model with the bench's first weights. */
  model: () => MLP;
  data: Dataset;
  lr: number;
  momentum: number;
  order: number;
}

const USAGE = `usage: pnpm bench [--hidden 5,4] [--epochs N] [--repeats N] [--only engine|compiled|plain]
  --hidden   hidden layer sizes, comma-separated (default 5,4: the assignment's net)
  --epochs   epochs of the run (default 2001)
  --repeats  timed runs of each side; the median counts (default 15)
  --only     time one side alone, for a profile`;

/** Ends the command with a message naming what was wrong, and the usage. */
function refuse(message: string): never {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

/** Runs the bench with `argv`'s flags, with the rows `extra` beside the engine, compiled and twin rows. */
export function runBench(argv: string[], extra: Record<string, ExtraSide> = {}): void {
  const values = (() => {
    try {
      return parseArgs({
        args: argv,
        options: {
          repeats: { type: "string", default: "15" },
          only: { type: "string" },
          hidden: { type: "string", default: "5,4" },
          epochs: { type: "string" },
          help: { type: "boolean" },
        },
      }).values;
    } catch (error) {
      return refuse((error as Error).message);
    }
  })();
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const count = (flag: string, text: string) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1)
      refuse(`--${flag} expects a positive integer, got ${JSON.stringify(text)}`);
    return n;
  };
  const repeats = count("repeats", values.repeats);
  const epochs = count("epochs", values.epochs ?? String(assignmentRun.epochs));
  const hidden = values.hidden.split(",").map((h) => count("hidden", h));
  const seed = hidden.join(",") === "5,4"; // the reference run's start; else Rng(0)'s
  const sizes = [2, ...hidden, 1];
  const data = xor();
  const { lr, momentum } = assignmentRun;

  function model(): MLP {
    const m = new MLP(2, [...hidden, 1], {
      activation: "tanh",
      outputActivation: "linear",
      init: assignmentInit,
      seed: 0,
    });
    if (seed) loadParameters(m, assignmentRun.init);
    return m;
  }
  const init = parameterData(model());

  type Side = (n: number) => number[];
  let compiledOnce: CompiledStep | undefined; // the compiled row's tape, compiled before the timing
  const sides: Record<string, Side> = {
    /** The run through the engine: the parameters at the end. */
    engine(n) {
      const m = model();
      fit(m, data, {
        loss: l1Loss,
        optimizer: new SGD(m.parameters(), { lr, momentum }),
        epochs: n,
        sampler: lcgOrder(assignmentRun.order),
      });
      return parameterData(m);
    },
    /** The same run through compiledFit, compiling included: checked against the engine's bits, not timed. */
    compiledFit(n) {
      const m = model();
      compiledFit(m, data, {
        loss: l1Loss,
        optimizer: { lr, momentum },
        epochs: n,
        sampler: lcgOrder(assignmentRun.order),
      });
      return parameterData(m);
    },
    /** The steps of compiledFit's run replayed from a tape compiled once beforehand (compiling is timed on its own, below). */
    compiled(n) {
      const step = (compiledOnce ??= CompiledStep.compile(model(), l1Loss, data, 1));
      step.values.set(step.tape.init); // the model's first weights, and the tape's constants
      const optimizer = new SlotSGD(init.length, { lr, momentum });
      const sampler = lcgOrder(assignmentRun.order);
      for (let epoch = 0; epoch < n; epoch++) {
        for (const batch of sampler(data.x.length)) {
          step.load(data, batch);
          step.run();
          optimizer.step(step.values, step.grads);
        }
      }
      return Array.from(step.values.subarray(0, init.length));
    },
    /** Compiling alone: the one-off cost, beside the cost per step. */
    compile() {
      CompiledStep.compile(model(), l1Loss, data, 1);
      return [];
    },
    /** The same run by hand. */
    plain(n) {
      const net = new PlainMLP(sizes, init);
      plainFit(net, data, {
        loss: "l1",
        lr,
        momentum,
        epochs: n,
        sampler: lcgOrder(assignmentRun.order),
      });
      return Array.from(net.params);
    },
  };
  const setup: RunSetup = { model, data, lr, momentum, order: assignmentRun.order };
  for (const [name, side] of Object.entries(extra)) sides[name] = (n) => side.run(n, setup);

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  // With `node --expose-gc`, collect the engine's garbage before each timed run, so that no side
  // pays for another's; without it, the median absorbs the collections.
  const gc = (globalThis as { gc?: () => void }).gc;
  // CPU time of this process rather than wall time: on a shared machine, other processes stretch
  // the wall clock of whichever side happens to be running.
  const time = (run: () => unknown) => {
    if (gc) {
      gc();
      settle();
    }
    const t0 = process.cpuUsage();
    run();
    const { user, system } = process.cpuUsage(t0);
    return (user + system) / 1000;
  };

  const steps = epochs * data.x.length;
  if (values.only) {
    const run = sides[values.only];
    const known = ["engine", "compiled", "plain", ...Object.keys(extra)];
    if (!run)
      refuse(
        `--only expects ${known.slice(0, -1).join(", ")} or ${known.at(-1)}, got ${JSON.stringify(values.only)}`,
      );
    for (let k = 0; k < 3; k++) run(epochs); // warm-up
    const times = Array.from({ length: repeats }, () => time(() => run(epochs)));
    console.log(
      `${values.only}: median ${median(times).toFixed(2)} ms of CPU over ${repeats} runs of ${steps} steps`,
    );
  } else {
    // Same work: the compiled step gives the engine's bits; the twin agrees early, where the run is
    // not yet chaotic (rounding differences grow about tenfold per 100 epochs).
    const e = sides.engine!(epochs);
    for (const name of ["compiledFit", "compiled"]) {
      const c = sides[name]!(epochs);
      if (!e.every((x, i) => Object.is(x, c[i])))
        throw new Error(`bench: ${name} and the engine differ after ${epochs} epochs`);
    }
    for (const [name, side] of Object.entries(extra)) {
      if (!side.sameBits) continue;
      const x = sides[name]!(epochs);
      if (!e.every((v, i) => Object.is(v, x[i])))
        throw new Error(`bench: ${name} and the engine differ after ${epochs} epochs`);
    }
    const [engine10, twin10] = [sides.engine!(10), sides.plain!(10)];
    // Relative to the largest parameter: a tiny parameter's relative difference is rounding noise.
    // 1e-9, the course's bar for agreeing with PyTorch: the twin sums in its own order, and at 128
    // wide and more its rounding differences reach 1e-11 within the 40 steps.
    const early =
      Math.max(...engine10.map((x, i) => Math.abs(x - twin10[i]!))) /
      Math.max(...engine10.map(Math.abs));
    if (!(early < 1e-9))
      throw new Error(
        `bench: the engine and the twin differ by ${early} after 40 steps: they are not doing the same work`,
      );
    const same = ["compiled", ...Object.keys(extra).filter((n) => extra[n]!.sameBits)].join(" = ");
    console.log(
      `${sizes.join(" → ")}, ${init.length} parameters, ${steps} steps; ${same} = engine bit for bit, twin = engine to ${early.toExponential(0)} after 40 steps`,
    );

    const names = ["engine", "compiled", "plain", "compile", ...Object.keys(extra)];
    for (let k = 0; k < 3; k++) for (const n of names) sides[n]!(epochs); // warm-up: let the JIT compile all three
    const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let r = 0; r < repeats; r++) {
      // Rotate which side goes first, so that none always runs on a warmer or cooler machine.
      const t: Record<string, number> = {};
      for (let k = 0; k < names.length; k++) {
        const n = names[(r + k) % names.length]!;
        t[n] = time(() => sides[n]!(epochs));
      }
      for (const n of names) times[n]!.push(t[n]!);
    }
    const label: Record<string, string> = {
      engine: "engine (MLP + l1Loss + SGD + fit)",
      compiled: "compiled (tape, compiled once)",
      plain: "twin (PlainMLP + plainFit)",
    };
    for (const [name, side] of Object.entries(extra)) label[name] = side.label;
    const rows = ["engine", "compiled", ...Object.keys(extra), "plain"];
    const ratio = (n: string) => median(times[n]!) / median(times.plain!);
    console.log(`median CPU time over ${repeats} repeats, and its ratio to the twin's`);
    console.log(
      `${"".padEnd(34)}${"ms".padStart(9)}${"µs/step".padStart(10)}${"× twin".padStart(9)}`,
    );
    for (const n of rows) {
      const ms = median(times[n]!);
      console.log(
        `${label[n]!.padEnd(34)}${ms.toFixed(2).padStart(9)}${((ms * 1000) / steps).toFixed(2).padStart(10)}${ratio(n).toFixed(2).padStart(9)}`,
      );
    }
    console.log(
      `compiling the step once (not in the compiled row, timed on its own): ${median(times.compile!).toFixed(2)} ms, the time of ${Math.round(ratio("compile") * steps)} twin steps`,
    );
    // The engine's bar (DESIGN.md) is for the assignment's net; at other widths its ratio is information.
    const engineBar = seed
      ? `; the engine within 10×: ${ratio("engine") <= 10 ? "yes" : "no"}`
      : "";
    console.log(
      `compiled is within 2× of the twin: ${ratio("compiled") <= 2 ? "yes" : "no"}${engineBar}`,
    );
  }
}

/**
 * Waits (a second at most) until this process's other threads are idle. V8 sweeps the heap a
 * collection freed on background threads, and process.cpuUsage counts their time: without the
 * wait, the side timed after `gc()` pays for sweeping the other sides' garbage (measured: a
 * 100-step tensor run at 256 wide read 2.5× slower beside 3 million live objects).
 */
function settle(): void {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (let k = 0; k < 100; k++) {
    const t0 = process.cpuUsage();
    Atomics.wait(cell, 0, 0, 10); // sleep 10 ms
    const { user, system } = process.cpuUsage(t0);
    if (user + system < 1000) return; // under 1 ms of CPU in those 10 ms: nothing left running
  }
}
