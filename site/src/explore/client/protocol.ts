import type { XorArgs } from "@gradbook/cli";

// The messages between the explorer's page (main.ts) and its worker (worker.ts).

/** How fast the worker trains: epochs per second, or as fast as it can ("Run to the end"). */
export type Pace = number | "end";

/**
 * From the page: start over with these settings, train, pause, or take one step or epoch; and
 * `drawn`, the page's answer to each snapshot with what drawing it cost the page's thread (its
 * script and the rendering after it, ms): the worker sends the next one only after it, and while
 * training no sooner than the page can afford (see worker.ts), so snapshots never queue up on a
 * page busy drawing (its inputs would wait behind them).
 */
export type Command =
  | { type: "reset"; args: XorArgs; run: number }
  | { type: "tune"; args: XorArgs }
  /** Sets parameter `param` (PyTorch's order) to `value`: the reader's edit of a weight. */
  | { type: "set"; param: number; value: number }
  | { type: "play"; pace: Pace }
  | { type: "pause" }
  | { type: "step" }
  | { type: "epoch" }
  | { type: "drawn"; ms: number };

/** The network and its run at one moment: everything the page draws. */
export interface Snapshot {
  type: "snapshot";
  /** The reset this run began with: the page drops snapshots of a run it has replaced. */
  run: number;
  /** Epochs completed. */
  epoch: number;
  /** Steps taken in the epoch under way (0 between epochs). */
  step: number;
  /** Whether the run reached its last epoch. */
  done: boolean;
  /** Whether the worker is training on (false after a pause, a step, the end or an error). */
  playing: boolean;
  /** The parameters in PyTorch's order, and their gradients from the last step. */
  params: number[];
  grads: number[];
  /** Mean loss of each epoch completed since the last snapshot (the curve), from epoch `epoch - means.length`. */
  means: number[];
  /** The test loss at the end of each of the same epochs (empty without a test split). */
  testMeans: number[];
  /** The log lines printed since the last snapshot, in `pnpm xor`'s format. */
  log: string[];
  /** The network's output at each data point. */
  outputs: number[];
  /** The output over the input plane, `grid × grid` values, row by row from the bottom (y0). */
  surface: number[];
  /**
   * Each hidden neuron's output over the same plane, layer by layer, `grid × grid` shades each:
   * (h + 1) / 2 in [0, 1] as one of {@link SHADES} steps. Shades, not numbers, in one transferred
   * array: the heaviest network's 48 pictures as arrays of numbers were most of the page's script
   * time in a frame (copied, then scaled a pixel at a time).
   */
  units: Uint16Array;
  /** Why training stopped, if it failed (a diverging loss). */
  error?: string;
}

/** The side of the square grid the plane is sampled on. */
export const GRID = 32;

/** How many steps the colour scale has. */
export const SHADES = 1024;

/** The step of `t` in [0, 1] (clamped; not finite is the middle). */
export const shadeOf = (t: number): number =>
  Number.isFinite(t) ? Math.round(Math.min(1, Math.max(0, t)) * (SHADES - 1)) : (SHADES - 1) >> 1;
