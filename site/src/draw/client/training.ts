// "Train your own": the form, the worker that trains, the live curves and the table of epochs.
// The page stays free while the worker trains; Stop terminates the worker, and the net of the
// last epoch it reported becomes the reader's.
import { percent } from "@gradbook/classify";
import { DIGITS_DEFAULTS, type DigitsSettings } from "@gradbook/cli";
import { drawCurves, type Series } from "./curves.ts";
import { type Net, netFrom } from "./net.ts";
import type { Report, TrainRequest } from "./protocol.ts";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** What the reader chose: a run of `pnpm digits` with their hidden size and epochs, on their count of digits. */
function request(): Omit<TrainRequest, "wire"> {
  const epochs = $<HTMLInputElement>("train-epochs").valueAsNumber;
  const settings: DigitsSettings = {
    ...DIGITS_DEFAULTS,
    hidden: [Number($<HTMLSelectElement>("train-hidden").value)],
    epochs,
  };
  return { settings, train: Number($<HTMLSelectElement>("train-digits").value) };
}

/** The command that trains the same net in a terminal. */
function command({ settings, train }: Omit<TrainRequest, "wire">): string {
  const d = DIGITS_DEFAULTS;
  return [
    "pnpm digits",
    settings.hidden.join() !== d.hidden.join() ? `--hidden ${settings.hidden.join()}` : "",
    settings.epochs !== d.epochs ? `--epochs ${settings.epochs}` : "",
    train < 8000 ? `--train ${train}` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** The digits as they come over the wire, fetched on the first Train only (again after a failure). */
let wire: Promise<TrainRequest["wire"]> | undefined;

async function fetchBytes(file: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(new URL(file, import.meta.url));
  if (!response.ok) throw new Error(`${file}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

function fetchDigits(): Promise<TrainRequest["wire"]> {
  wire ??= Promise.all([fetchBytes("train.bin.gz"), fetchBytes("validation.bin.gz")]).then(
    ([train, validation]) => ({ train, validation }),
  );
  wire.catch(() => (wire = undefined));
  return wire;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Makes the "Train your own" section work; `onNet` is told of each net a run leaves (when it
 * ends, or is stopped, after at least one epoch), with a short description of it.
 */
export function setUpTraining(onNet: (net: Net, description: string) => void): void {
  const box = $("train-box");
  const form = $<HTMLFormElement>("train-form");
  const trainButton = $<HTMLButtonElement>("train");
  const stopButton = $<HTMLButtonElement>("stop");
  const status = $("train-status");
  const progress = $<HTMLProgressElement>("train-progress");
  const fetched = $("train-fetched");
  const rows = $("train-log").querySelector("tbody")!;
  const lossCurve = $("loss-curve") as unknown as SVGSVGElement;
  const accuracyCurve = $("accuracy-curve") as unknown as SVGSVGElement;
  const commandText = $("train-command");
  let worker: Worker | undefined;

  const showCommand = () => {
    if ($<HTMLInputElement>("train-epochs").checkValidity())
      commandText.textContent = command(request());
  };
  form.addEventListener("input", showCommand);
  showCommand();

  form.addEventListener("submit", (event) => {
    event.preventDefault(); // the page's policy allows no form to go anywhere: the script trains
    if (worker) return;
    const asked = request();
    const sizes = [784, ...asked.settings.hidden, 10];
    const records: { seconds: number; values: Record<Series["kind"], [number, number]> }[] = [];
    let weights: Float64Array | undefined;
    rows.replaceChildren();
    box.dataset.state = "loading";
    status.textContent = "Fetching the digits…";
    progress.hidden = false;
    progress.removeAttribute("value"); // indeterminate until the first steps
    trainButton.disabled = true;
    stopButton.disabled = false;
    const curves = () => {
      const series = (i: 0 | 1) =>
        (["train", "validation"] as const).map((kind) => ({
          kind,
          values: records.map((r) => r.values[kind][i]),
        }));
      drawCurves(lossCurve, series(0), asked.settings.epochs);
      drawCurves(accuracyCurve, series(1), asked.settings.epochs, { percent: true });
    };
    curves();

    const finish = (state: "done" | "stopped" | "error", message: string) => {
      worker?.terminate();
      worker = undefined;
      trainButton.disabled = false;
      if (document.activeElement === stopButton) trainButton.focus(); // a disabled button drops the keyboard's focus
      stopButton.disabled = true;
      progress.hidden = true;
      const epochs = records.length;
      const timing = epochs
        ? ` Time per epoch: ${median(records.map((r) => r.seconds)).toFixed(2)} s (median of ${epochs}, validation included).`
        : "";
      if (weights) {
        const description = `784 → ${asked.settings.hidden.join(" → ")} → 10 after ${epochs} epoch${epochs === 1 ? "" : "s"}`;
        onNet(netFrom(sizes, weights, "the trained net"), description);
        status.textContent = `${message}${timing} Your net (${description}) now reads the drawing.`;
      } else status.textContent = `${message}${timing}`;
      box.dataset.state = state;
    };
    stopButton.onclick = () =>
      finish(
        "stopped",
        records.length
          ? `Stopped after epoch ${records.length} of ${asked.settings.epochs}.`
          : "Stopped before the first epoch ended: lesson 09's net still reads the drawing.",
      );

    worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    const mine = worker;
    worker.addEventListener("error", (event) =>
      finish("error", `The training worker failed: ${event.message || "it could not load"}.`),
    );
    worker.addEventListener("message", ({ data }: MessageEvent<Report>) => {
      if (worker !== mine) return; // a run that was stopped says nothing more
      if (data.type === "unpacked") {
        box.dataset.state = "training";
        status.textContent = `Training on ${data.train.toLocaleString("en-US")} digits, validating on ${data.validation.toLocaleString("en-US")}…`;
      } else if (data.type === "progress") {
        progress.max = data.total;
        progress.value = data.done;
      } else if (data.type === "epoch") {
        const r = data.record;
        weights = data.weights;
        records.push({
          seconds: data.seconds,
          values: {
            train: [r.trainLoss, r.trainAccuracy],
            validation: [r.validationLoss, r.validationAccuracy],
          },
        });
        const row = document.createElement("tr");
        for (const cell of [
          String(r.epoch + 1),
          r.trainLoss.toFixed(4),
          percent(r.trainAccuracy, 2),
          r.validationLoss.toFixed(4),
          percent(r.validationAccuracy, 2),
          data.seconds.toFixed(2),
        ])
          row.append(Object.assign(document.createElement("td"), { textContent: cell }));
        rows.append(row);
        curves();
      } else if (data.type === "done")
        finish("done", `Done: ${records.length} epoch${records.length === 1 ? "" : "s"}.`);
      else if (data.type === "error") finish("error", `Training failed: ${data.message}`);
    });
    fetchDigits().then(
      (digits) => {
        if (worker !== mine) return; // stopped while the digits were on their way
        const bytes = digits.train.length + digits.validation.length;
        fetched.textContent = `Fetched ${(bytes / 1e6).toFixed(2)} MB of digits, kept for later runs.`;
        fetched.hidden = false;
        status.textContent = "Unpacking the digits…";
        mine.postMessage({ ...asked, wire: digits });
      },
      (error: Error) => finish("error", `The digits could not be fetched: ${error.message}.`),
    );
  });
  box.hidden = false;
}
