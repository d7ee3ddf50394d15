// The draw page's training worker: unpacks the digits the page fetched (only when a reader asked
// to train), then trains a `gradbook digits` run with the course's own `fit`, posting the
// progress, each epoch's record and the weights after it. Training is synchronous: the page
// stops it by terminating the worker, and keeps the weights of the last epoch it was sent.
import { type Digits, fit, pick, unpackDigits } from "@gradbook/classify";
import { digitsRun } from "@gradbook/cli";
import { parameterData } from "@gradbook/tensor";
import type { Report, TrainRequest } from "./protocol.ts";

const scope = self as unknown as {
  postMessage(message: Report, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<TrainRequest>) => void): void;
};

/** How often, at most, the progress is posted (ms). */
const PROGRESS_MS = 100;

/** The digits of a packed file as it came over the wire (gzipped). */
async function unpack(wire: Uint8Array<ArrayBuffer>): Promise<Digits> {
  // A host that sends .gz files with content-encoding: gzip has had them unpacked by the browser.
  const gzipped = wire[0] === 0x1f && wire[1] === 0x8b;
  const bytes = gzipped
    ? new Uint8Array(
        await new Response(
          new Blob([wire]).stream().pipeThrough(new DecompressionStream("gzip")),
        ).arrayBuffer(),
      )
    : wire;
  return unpackDigits(bytes);
}

async function train({ settings, train: count, wire }: TrainRequest): Promise<void> {
  const [train, validation] = await Promise.all([unpack(wire.train), unpack(wire.validation)]);
  if (!(Number.isInteger(count) && count >= 1 && count <= train.size))
    throw new RangeError(`expected 1 to ${train.size} training digits, got ${count}`);
  const set =
    count < train.size
      ? pick(
          train,
          Array.from({ length: count }, (_, i) => i),
        )
      : train;
  scope.postMessage({
    type: "unpacked",
    train: set.size,
    validation: validation.size,
  });
  const { model, optimizer, loader, rates } = digitsRun(settings, set);
  let posted = 0;
  let epochStart = performance.now();
  fit(model, {
    optimizer,
    epochs: settings.epochs,
    loader,
    validation,
    rates,
    onStep: (done, total) => {
      const now = performance.now();
      if (now - posted < PROGRESS_MS && done < total) return;
      posted = now;
      scope.postMessage({ type: "progress", done, total });
    },
    onEpoch: (record) => {
      const now = performance.now();
      const weights = Float64Array.from(parameterData(model));
      scope.postMessage({ type: "epoch", record, seconds: (now - epochStart) / 1000, weights }, [
        weights.buffer,
      ]);
      epochStart = performance.now(); // the copy and the post are not the next epoch's time
    },
  });
  scope.postMessage({ type: "done" });
}

scope.addEventListener("message", ({ data }) => {
  train(data).catch((error: Error) => scope.postMessage({ type: "error", message: error.message }));
});
