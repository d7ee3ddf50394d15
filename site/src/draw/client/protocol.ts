import type { EpochRecord } from "@gradbook/classify";
import type { DigitsSettings } from "@gradbook/cli";

// The messages between the draw page (training.ts) and its training worker (worker.ts). One
// worker trains one run: Stop ends it with `terminate()`, so the worker needs no way to be told.

/** From the page: train a net with these settings on the first `train` of the 8,000 training digits. */
export interface TrainRequest {
  settings: DigitsSettings;
  train: number;
}

/** From the worker, in this order: the digits arrived, steps go by, each epoch ends; then done or an error. */
export type Report =
  /** The training and validation digits arrived: `bytes` came over the wire (gzipped). */
  | { type: "loaded"; bytes: number; train: number; validation: number }
  /** Steps done of the whole run, sent a few times a second. */
  | { type: "progress"; done: number; total: number }
  /** An epoch ended: its record, its time (validation included), and the net's weights after it, in PyTorch's order. */
  | { type: "epoch"; record: EpochRecord; seconds: number; weights: Float64Array }
  | { type: "done" }
  | { type: "error"; message: string };
