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
import { type Command, GRID, type Pace, type Snapshot } from "./protocol.ts";
import { queryOf, readForm, readQuery, URL_FLAGS } from "./url.ts";

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
let run:
  | { id: number; args: XorArgs; data: Dataset; means: number[]; diagram: Diagram; params: ParamTable; playing: boolean; done: boolean; error: string; pace: Pace; clock: Clock }
  | undefined;

/** Shows the settings in the form (but a refused field's text), the URL and the command, and starts over with them. */
function apply(args: XorArgs, refused: Partial<Record<XorFlag, string>> = {}): void {
  for (const flag of URL_FLAGS) {
    const message = refused[flag] ?? "";
    if (!message) field(flag).value = flagText(args, flag);
    field(flag).toggleAttribute("aria-invalid", message !== "");
    if (message) field(flag).setAttribute("aria-invalid", "true");
    show($(`c-${flag}-error`), message);
  }
  history.replaceState(null, "", `${location.pathname}${queryOf(args)}`);
  $("command").textContent = xorCommand(args);
  const sizes = [2, ...args.hidden, 1];
  const places = paramPlaces(sizes);
  const diagram = new Diagram($<HTMLElement>("diagram") as unknown as SVGSVGElement, sizes);
  drawLegend(args.loss === "bce-with-logits");
  const params = new ParamTable($("params"), places, (k) => diagram.highlight(k));
  run = { id: (run?.id ?? 0) + 1, args, data: datasetByName(args.data), means: [], diagram, params, playing: false, done: false, error: "", pace: 0, clock: new Clock() };
  pending = undefined;
  $("log").textContent = "";
  $("run-status").textContent = "";
  send({ type: "reset", args, run: run.id });
}

function show(element: HTMLElement, message: string): void {
  element.textContent = message; // text, never markup: it may quote the URL
  element.hidden = message === "";
}

// From the URL at first; from the form on each change: a refused field is marked and keeps the
// run's value, and never holds back a change to another field.
const initial = readQuery(location.search);
apply(initial.args);
show($("url-error"), initial.problems.join(" "));

form.addEventListener("change", (event) => {
  if (!run) return;
  const texts = Object.fromEntries(URL_FLAGS.map((flag) => [flag, field(flag).value.trim()]));
  const changed = (event.target as HTMLInputElement | null)?.name as XorFlag | undefined;
  const { args, refused } = readForm(texts, run.args, changed);
  show($("url-error"), "");
  apply(args, refused);
});
form.addEventListener("submit", (event) => event.preventDefault());

for (const link of document.querySelectorAll<HTMLAnchorElement>(".presets a[data-query]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    const { args, problems } = readQuery(link.dataset.query!);
    apply(args);
    show($("url-error"), problems.join(" "));
  });
}

/** Whether the run can take another step; if not, says why and what starts it again. */
function canTrain(): boolean {
  if (!run) return false;
  if (run.error) $("run-status").textContent = "The run stopped on its error. Change a setting, or Reset, to start it again.";
  else if (run.done) $("run-status").textContent = `The run has ended at epoch ${run.args.epochs}. Play starts it again from epoch 0; Reset goes back to it.`;
  else return true;
  return false;
}
const speed = () => Number($<HTMLSelectElement>("speed").value);
const play = (pace: Pace) => {
  run!.pace = pace;
  run!.clock = new Clock();
  send({ type: "play", pace });
};
$("play").addEventListener("click", () => {
  if (!run) return;
  if (run.playing) return send({ type: "pause" });
  if (run.done && !run.error) {
    apply(run.args);
    $("run-status").textContent = "Started again from epoch 0.";
  } else if (!canTrain()) return;
  play(speed());
});
$("speed").addEventListener("change", () => run?.playing && play(speed()));
$("step").addEventListener("click", () => canTrain() && send({ type: "step" }));
$("epoch").addEventListener("click", () => canTrain() && send({ type: "epoch" }));
$("end").addEventListener("click", () => canTrain() && play("end"));
$("reset").addEventListener("click", () => run && apply(run.args));
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

/**
 * The epochs a second a run makes, over its last few seconds of play: the page's estimate of the
 * time left ("about 2 min left"), from what it sees, not from a guess at the machine.
 */
class Clock {
  private readonly marks: [number, number][] = []; // [time, epoch]

  /** Notes that `epoch` was reached now; returns epochs per second over the last ~3 s, once there is a second of them. */
  note(epoch: number): number | undefined {
    const now = performance.now();
    this.marks.push([now, epoch]);
    while (this.marks.length > 2 && now - this.marks[1]![0] > 3000) this.marks.shift();
    const [t0, e0] = this.marks[0]!;
    return now - t0 >= 1000 ? ((epoch - e0) * 1000) / (now - t0) : undefined;
  }
}

/** "about 3 min 20 s left (96 epochs/s)", or "" before there is a rate to go by. */
function timeLeft(epochs: number, rate: number | undefined): string {
  if (rate === undefined || !(rate > 0)) return "";
  const s = Math.ceil(epochs / rate);
  const text = s < 60 ? `${s} s` : `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  return `about ${text} left (${rate < 10 ? rate.toFixed(1) : Math.round(rate)} epochs/s)`;
}

const scratch = document.createElement("canvas");

/**
 * Snapshots arrive while the page may still be drawing; the latest waits here (with the curve's
 * and the log's new parts gathered) and is drawn at the next frame, which then tells the worker.
 */
let pending: Snapshot | undefined;

worker.addEventListener("message", ({ data: snap }: MessageEvent<Snapshot>) => {
  if (!run || snap.run !== run.id) return; // a snapshot of a run the page has replaced
  if (pending) snap = { ...snap, means: [...pending.means, ...snap.means], log: [...pending.log, ...snap.log] };
  const first = pending === undefined;
  pending = snap;
  if (first) requestAnimationFrame(drawPending);
});

function drawPending(): void {
  const snap = pending;
  pending = undefined;
  if (!run || !snap || snap.run !== run.id) return;
  draw(snap);
  send({ type: "drawn" });
}

function draw(snap: Snapshot): void {
  if (!run) return;
  const { args } = run;
  run.playing = snap.playing;
  run.done = snap.done;
  run.error = snap.error ?? "";
  article.dataset.playing = String(snap.playing);
  article.dataset.done = String(snap.done);
  $("play").textContent = snap.playing ? "Pause" : snap.done && !snap.error ? "Play again" : "Play";
  run.means.push(...snap.means);
  if (snap.log.length) $("log").textContent += snap.log.map((line) => `${line}\n`).join("");
  $("epoch-count").textContent = `Epoch ${snap.epoch} of ${args.epochs}${snap.step ? `, step ${snap.step}` : ""}${snap.done ? " (done)" : ""}`;
  const rate = snap.playing ? run.clock.note(snap.epoch) : undefined;
  $("eta").textContent = snap.playing ? timeLeft(args.epochs - snap.epoch, run.pace === "end" ? rate : Math.min(rate ?? run.pace, run.pace)) : "";
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
}
