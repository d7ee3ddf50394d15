import { type XorArgs, xorRun, type XorRun } from "@gradbook/cli";
import { SGD } from "@gradbook/optim";
import { fit } from "@gradbook/train";

/**
 * A `gradbook xor` run that advances a step or an epoch at a time. Every step goes through the
 * library's `fit`, over the batches the run's sampler gives (one call per epoch, as `fit` makes),
 * so the losses and the log are the command's.
 */
export class Trainer {
  readonly run: XorRun;
  /** Epochs completed. */
  epoch = 0;
  /** Steps taken since the start, over all epochs: fit's count, for its errors. */
  private taken = 0;
  /** The batches of the epoch under way still to train on. */
  private queue: number[][] = [];
  /** The losses of the epoch under way's steps so far. */
  private steps: number[] = [];
  /** Mean loss per completed epoch, and the test loss at its end (with a test split), not yet collected by {@link take}. */
  private means: number[] = [];
  private testMeans: number[] = [];
  private log: string[] = [];

  constructor(public args: XorArgs) {
    this.run = xorRun(args);
  }

  /**
   * Takes the settings a run can change without starting over (lr, momentum, epochs, log-every)
   * and trains on from the weights it has. A new momentum is a new optimizer: its first step
   * starts a new momentum buffer, as a new `SGD` in PyTorch would.
   */
  tune(args: XorArgs): void {
    if (args.momentum !== this.args.momentum)
      this.run.optimizer = new SGD(this.run.model.parameters(), {
        lr: args.lr,
        momentum: args.momentum,
      });
    this.run.optimizer.lr = args.lr;
    this.args = args;
  }

  /**
   * Sets parameter `param` (PyTorch's order) to `value`, as `w.data = value` under `torch.no_grad()`
   * would: the next step trains on from it, the momentum buffers as they were. Returns whether it
   * was set (a finite value of a parameter the model has).
   */
  set(param: number, value: number): boolean {
    const p = this.run.model.parameters()[param];
    if (!p || !Number.isInteger(param) || !Number.isFinite(value)) return false;
    p.data = value;
    return true;
  }

  get done(): boolean {
    return this.epoch >= this.args.epochs;
  }

  /** Steps taken in the epoch under way. */
  get step(): number {
    return this.steps.length;
  }

  /** Trains one step (one batch). Throws fit's error when the loss stops being finite. */
  trainStep(): void {
    if (this.done) return;
    if (this.queue.length === 0) this.queue = this.run.sampler(this.run.data.x.length);
    const batch = this.queue.shift()!;
    const { model, data, loss, optimizer } = this.run;
    const history = fit(model, data, {
      loss,
      optimizer,
      epochs: 1,
      sampler: () => [batch],
      start: { epoch: this.epoch, step: this.taken },
    });
    this.taken++;
    this.steps.push(history.step[0]!);
    if (this.queue.length === 0) this.endEpoch();
  }

  /** Trains to the end of the epoch under way (a whole epoch between epochs). */
  trainEpoch(): void {
    if (this.done) return;
    do this.trainStep();
    while (this.steps.length > 0);
  }

  /** The epoch means and log lines since the last call. */
  take(): { means: number[]; testMeans: number[]; log: string[] } {
    const taken = { means: this.means, testMeans: this.testMeans, log: this.log };
    this.means = [];
    this.testMeans = [];
    this.log = [];
    return taken;
  }

  private endEpoch(): void {
    // What fit's history records per epoch: the mean of its steps, and its last step's loss (the log's).
    this.means.push(this.steps.reduce((a, b) => a + b, 0) / this.steps.length);
    const test = this.run.testLoss();
    if (test !== undefined) this.testMeans.push(test);
    if (this.epoch % this.args.logEvery === 0)
      this.log.push(this.run.logLine(this.epoch, this.steps.at(-1)!));
    this.steps = [];
    this.epoch++;
  }
}
