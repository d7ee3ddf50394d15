import type { EpochRecord } from "@gradbook/classify";
import type { DigitsSettings } from "@gradbook/cli";

// The messages between the draw page (training.ts) and its training worker (worker.ts). One
// worker trains one run: Stop ends it with `terminate()`, so the worker needs no way to be told.

/**
 * From the page: train a net with these settings on the first `train` of the 8,000 training
 * digits; `wire` holds the training and validation digits as fetched (train.bin.gz and
 * validation.bin.gz: packDigits, gzipped). The page fetches them once and hands every run a copy.
 */
export interface TrainRequest {
  settings: DigitsSettings;
  train: number;
  wire: { train: Uint8Array<ArrayBuffer>; validation: Uint8Array<ArrayBuffer> };
}

/** From the worker, in this order: the digits are unpacked, steps go by, each epoch ends; then done or an error. */
export type Report =
  /** The digits are unpacked: `train` to train on, `validation` to validate on. */
  | { type: "unpacked"; train: number; validation: number }
  /** Steps done of the whole run, sent a few times a second. */
  | { type: "progress"; done: number; total: number }
  /** An epoch ended: its record, its time (validation included), and the net's weights after it, in PyTorch's order. */
  | { type: "epoch"; record: EpochRecord; seconds: number; weights: Float64Array }
  | { type: "done" }
  | { type: "error"; message: string };
