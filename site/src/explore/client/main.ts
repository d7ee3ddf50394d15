// The XOR explorer's page script (explore.html only): reads the settings from the URL with
// `pnpm xor`'s rules, keeps the form, the URL and the command in step, and draws what the worker
// (worker.ts) reports. The page only draws; training never runs on its thread.

import { flagText, XOR_DATA, XOR_LOSSES, XOR_OUTPUTS, type XorArgs, xorCommand, type XorFlag } from "@gradbook/cli";
import { type Dataset, datasetByName } from "@gradbook/train";
import { drawOverlay } from "./draw/boundary.ts";
import { GRADIENT, paint } from "./draw/colour.ts";
import { drawCurve } from "./draw/curve.ts";
import { Diagram, paramPlaces } from "./draw/diagram.ts";
import { drawOutputs, ParamTable } from "./draw/tables.ts";
import { planeOf } from "./plane.ts";
import { type Command, GRID, type Snapshot } from "./protocol.ts";
import { queryOf, readLeniently, readQuery, URL_FLAGS } from "./url.ts";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>("controls");
const article = document.querySelector<HTMLElement>("article.explore")!;
const field = (flag: XorFlag) => form.elements.namedItem(flag) as HTMLInputElement | HTMLSelectElement;

// The lists' choices come from the CLI's table.
const choices: Partial<Record<XorFlag, readonly string[]>> = { data: XOR_DATA, "output-activation": XOR_OUTPUTS, loss: XOR_LOSSES };
for (const [flag, names] of Object.entries(choices)) {
  field(flag as XorFlag).replaceChildren(...names!.map((name) => new Option(name, name)));
}

const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
const send = (command: Command) => worker.postMessage(command);
// A worker that fails to load or throws says so where the run's errors show.
worker.addEventListener("error", (event) => ($("run-error").textContent = `The training worker failed: ${event.message || "it could not load"}`));

/** The run on screen: its settings, and what has been drawn of it. */
let run: { id: number; args: XorArgs; data: Dataset; means: number[]; diagram: Diagram; params: ParamTable; playing: boolean } | undefined;

/** Shows the settings in the form, the URL and the command, and starts over with them. */
function apply(args: XorArgs, problems: string[], target: HTMLElement): void {
  for (const flag of URL_FLAGS) field(flag).value = flagText(args, flag);
  history.replaceState(null, "", `${location.pathname}${queryOf(args)}`);
  $("command").textContent = xorCommand(args);
  show(target, problems.join(" "));
  const sizes = [2, ...args.hidden, 1];
  const places = paramPlaces(sizes);
  const diagram = new Diagram($<HTMLElement>("diagram") as unknown as SVGSVGElement, sizes);
  drawLegend(args.loss === "bce-with-logits");
  run = { id: (run?.id ?? 0) + 1, args, data: datasetByName(args.data), means: [], diagram, params: new ParamTable($("params"), places, (k) => diagram.highlight(k)), playing: false };
  $("log").textContent = "";
  send({ type: "reset", args, run: run.id });
}

function show(element: HTMLElement, message: string): void {
  element.textContent = message; // text, never markup: it may quote the URL
  element.hidden = message === "";
}

// From the URL at first; from the form on each change (a refused value keeps the last good run).
const initial = readQuery(location.search);
apply(initial.args, initial.problems, $("url-error"));

form.addEventListener("change", () => {
  const texts = Object.fromEntries(URL_FLAGS.map((flag) => [flag, field(flag).value.trim()]));
  const { args, problems } = readLeniently(texts);
  if (problems.length) return show($("form-error"), problems.join(" ").replaceAll("Using the default instead.", "The run keeps its last good settings."));
  show($("url-error"), "");
  apply(args, [], $("form-error"));
});
form.addEventListener("submit", (event) => event.preventDefault());

for (const link of document.querySelectorAll<HTMLAnchorElement>(".presets a[data-query]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    const { args, problems } = readQuery(link.dataset.query!);
    apply(args, problems, $("url-error"));
  });
}

$("play").addEventListener("click", () => send(run?.playing ? { type: "pause" } : { type: "play", pace: Number($<HTMLSelectElement>("speed").value) }));
$("speed").addEventListener("change", () => run?.playing && send({ type: "play", pace: Number($<HTMLSelectElement>("speed").value) }));
$("step").addEventListener("click", () => send({ type: "step" }));
$("epoch").addEventListener("click", () => send({ type: "epoch" }));
$("end").addEventListener("click", () => send({ type: "play", pace: "end" }));
$("reset").addEventListener("click", () => run && apply(run.args, [], $("form-error")));
$("copy").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText($("command").textContent!);
    $("copied").textContent = "Copied";
  } catch {
    getSelection()?.selectAllChildren($("command"));
    $("copied").textContent = "Selected: copy it with your keyboard";
  }
});

/** The colour scale's legend: which colour is which output, and where the line is drawn. */
function drawLegend(logit: boolean): void {
  const bar = document.createElement("div");
  bar.className = "legend-bar";
  bar.style.background = GRADIENT;
  const ticks = document.createElement("div");
  ticks.className = "legend-ticks";
  const labels = logit ? ["σ(output) 0: class 0", "0.5: the line (output 0)", "1: class 1"] : ["output ≤ 0: class 0", "0.5: the line", "≥ 1: class 1"];
  ticks.append(...labels.map((t) => Object.assign(document.createElement("span"), { textContent: t })));
  $("legend").replaceChildren(bar, ticks);
}

const scratch = document.createElement("canvas");

worker.addEventListener("message", ({ data: snap }: MessageEvent<Snapshot>) => {
  if (!run || snap.run !== run.id) return; // a snapshot of a run the page has replaced
  const { args } = run;
  run.playing = snap.playing;
  article.dataset.playing = String(snap.playing);
  article.dataset.done = String(snap.done);
  $("play").textContent = snap.playing ? "Pause" : "Play";
  run.means.push(...snap.means);
  if (snap.log.length) $("log").textContent += snap.log.map((line) => `${line}\n`).join("");
  $("epoch-count").textContent = `Epoch ${snap.epoch} of ${args.epochs}${snap.step ? `, step ${snap.step}` : ""}${snap.done ? " (done)" : ""}`;
  $("run-error").textContent = snap.error ?? "";
  if (snap.params.length === 0) return;
  const { data } = run;
  const logit = args.loss === "bce-with-logits";
  const threshold = logit ? 0 : 0.5;
  // Outputs to the scale's [0, 1]: a logit through the sigmoid, a hidden tanh from [−1, 1].
  paint($("surface") as HTMLCanvasElement, snap.surface, GRID, logit ? (y) => 1 / (1 + Math.exp(-y)) : (y) => y);
  drawOverlay($<HTMLElement>("plane") as unknown as SVGSVGElement, planeOf(data), data, snap.surface, GRID, snap.outputs, threshold);
  const pictures = snap.units.map((values) => (paint(scratch, values, GRID, (h) => (h + 1) / 2), scratch.toDataURL()));
  run.diagram.update(snap.params, [...pictures, $<HTMLCanvasElement>("surface").toDataURL()]);
  run.params.update(snap.params, snap.grads);
  drawOutputs($("outputs"), data, snap.outputs, threshold);
  drawCurve($<HTMLElement>("curve") as unknown as SVGSVGElement, run.means, args.epochs);
});
