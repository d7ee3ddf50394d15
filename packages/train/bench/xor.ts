// pnpm bench: the seed's run (2001 epochs × 4 single-point steps = 8004 steps) through the whole
// stack — MLP, l1Loss, SGD, fit, the Value engine — against the hand-derived twin (PlainMLP,
// plainFit) on the same data in the same order, in one process. The ratio of their times is the
// figure that matters: absolute times on a shared machine are noise.
//
//   pnpm bench [--repeats N] [--only engine|plain]
//
// --only runs one side (for `node --cpu-prof --import tsx packages/train/bench/xor.ts --only engine`).
import { parseArgs } from "node:util";
import { l1Loss } from "@gradbook/loss";
import { loadParameters, MLP, parameterData } from "@gradbook/neuron";
import { SGD } from "@gradbook/optim";
import { classifies, fit, lcgOrder, PlainMLP, plainFit, seedRun, xor } from "../src/index.ts";

const { values } = parseArgs({ options: { repeats: { type: "string", default: "15" }, only: { type: "string" } } });
const repeats = Number(values.repeats);
if (!Number.isInteger(repeats) || repeats < 1) throw new RangeError(`bench: --repeats expects a positive integer, got ${values.repeats}`);
const data = xor();
const { lr, momentum, epochs } = seedRun;

/** The seed's run through the engine: the parameters at the end and the outputs on the four points. */
function engine(n: number): { params: number[]; outputs: number[] } {
  const model = new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" });
  loadParameters(model, seedRun.init);
  const optimizer = new SGD(model.parameters(), { lr, momentum });
  fit(model, data, { loss: l1Loss, optimizer, epochs: n, sampler: lcgOrder(seedRun.order) });
  return { params: parameterData(model), outputs: data.x.map((x) => model.forward(x)[0]!.data) };
}

/** The same run by hand. */
function plain(n: number): { params: number[]; outputs: number[] } {
  const net = new PlainMLP(seedRun.sizes, seedRun.init);
  plainFit(net, data, { loss: "l1", lr, momentum, epochs: n, sampler: lcgOrder(seedRun.order) });
  return { params: Array.from(net.params), outputs: data.x.map((x) => net.forward(x)[0]!) };
}

const maxRel = (a: number[], b: number[]) => Math.max(...a.map((x, i) => Math.abs(x - b[i]!) / Math.max(Math.abs(b[i]!), 1e-300)));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
// With `node --expose-gc`, collect the engine's garbage before each timed run, so that neither
// side pays for the other's; without it, the median absorbs the collections.
const gc = (globalThis as { gc?: () => void }).gc;
// CPU time of this process rather than wall time: on a shared machine, other processes stretch
// the wall clock of whichever side happens to be running.
const time = (run: () => unknown) => {
  gc?.();
  const t0 = process.cpuUsage();
  run();
  const { user, system } = process.cpuUsage(t0);
  return (user + system) / 1000;
};

if (values.only) {
  const run = values.only === "engine" ? engine : values.only === "plain" ? plain : undefined;
  if (!run) throw new RangeError(`bench: --only expects engine or plain, got ${values.only}`);
  for (let k = 0; k < 3; k++) run(epochs); // warm-up
  const times = Array.from({ length: repeats }, () => time(() => run(epochs)));
  console.log(`${values.only}: median ${median(times).toFixed(2)} ms of CPU over ${repeats} runs of ${epochs * 4} steps`);
} else {
  // Same work: both must agree early, where the run is not yet chaotic (rounding differences
  // grow about tenfold per 100 epochs, so after 2001 epochs they agree only on the classes).
  const early = maxRel(engine(10).params, plain(10).params);
  console.log(`after 10 epochs (40 steps): parameters agree to ${early.toExponential(1)} relative`);
  if (!(early < 1e-12)) throw new Error(`bench: the engine and the twin differ by ${early} after 40 steps: they are not doing the same work`);
  const [e, p] = [engine(epochs), plain(epochs)];
  console.log(`after ${epochs} epochs: both classify XOR: engine ${classifies(e.outputs, data.y)}, twin ${classifies(p.outputs, data.y)}; max |Δparam| ${Math.max(...e.params.map((x, i) => Math.abs(x - p.params[i]!))).toExponential(1)} (chaotic)`);

  for (let k = 0; k < 3; k++) engine(epochs), plain(epochs); // warm-up: let the JIT compile both
  const te: number[] = [];
  const tp: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < repeats; r++) {
    // Alternate which side goes first, so that neither always runs on a warmer or cooler machine.
    const [a, b] = r % 2 ? [time(() => plain(epochs)), time(() => engine(epochs))] : [time(() => engine(epochs)), time(() => plain(epochs))];
    const [tEngine, tPlain] = r % 2 ? [b, a] : [a, b];
    te.push(tEngine);
    tp.push(tPlain);
    ratios.push(tEngine / tPlain);
  }
  console.log(`engine (MLP + l1Loss + SGD + fit): median ${median(te).toFixed(1)} ms of CPU for ${epochs * 4} steps`);
  console.log(`hand-derived twin (PlainMLP + plainFit): median ${median(tp).toFixed(2)} ms of CPU`);
  console.log(`ratio engine / twin: median ${median(ratios).toFixed(1)}× over ${repeats} repeats (each: ${ratios.map((x) => x.toFixed(1)).join(" ")})`);
  console.log(`ratio of the fastest runs: ${(Math.min(...te) / Math.min(...tp)).toFixed(1)}×`);
}
