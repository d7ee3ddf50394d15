/**
 * Early stopping on the validation loss: remembers the best loss seen and its epoch, and says to
 * stop once `patience` epochs in a row have not improved on it by more than `minDelta` (PyTorch
 * Lightning's `EarlyStopping(monitor="val_loss", patience, min_delta)`, in `mode="min"`).
 *
 * @example
 * const stopper = new EarlyStopping(3);
 * stopper.update(0.50); // false: the best so far
 * stopper.update(0.52); stopper.update(0.51); // false, false: 1 and 2 epochs without improving
 * stopper.update(0.53); // true: 3 epochs without improving; the best was epoch 0
 */
export class EarlyStopping {
  /** The lowest validation loss so far (Infinity before the first epoch). */
  best = Number.POSITIVE_INFINITY;
  /** The epoch (from 0) that reached {@link best}; −1 before the first. */
  bestEpoch = -1;
  /** Epochs seen so far. */
  epochs = 0;

  constructor(
    readonly patience: number,
    readonly minDelta = 0,
  ) {
    if (!(Number.isInteger(patience) && patience >= 1))
      throw new RangeError(
        `EarlyStopping: expected patience to be a positive integer, got ${patience}`,
      );
    if (!(minDelta >= 0))
      throw new RangeError(`EarlyStopping: expected minDelta ≥ 0, got ${minDelta}`);
  }

  /** Records one epoch's validation loss; true when training should stop after it. */
  update(loss: number): boolean {
    // #region exercise:early-stopping
    const epoch = this.epochs++;
    if (loss < this.best - this.minDelta) {
      this.best = loss;
      this.bestEpoch = epoch;
    }
    return epoch - this.bestEpoch >= this.patience;
    // #endregion exercise:early-stopping
  }
}
