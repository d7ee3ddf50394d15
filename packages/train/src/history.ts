/** What a training run records: the loss of every step, and per epoch. */
export interface History {
  /** The loss of each step, computed before that step's update. */
  step: number[];
  /** The mean of the step losses of each epoch: a smoother curve than single steps. */
  epoch: number[];
  /** The loss of each epoch's last step: what the course notebook prints as "Loss". */
  last: number[];
}

/** An empty history. */
export function history(): History {
  return { step: [], epoch: [], last: [] };
}

/** Closes an epoch whose step losses are `history.step.slice(from)`: records their mean and the last one. */
export function endEpoch(history: History, from: number): void {
  let sum = 0;
  for (let i = from; i < history.step.length; i++) sum += history.step[i]!;
  history.epoch.push(sum / (history.step.length - from));
  history.last.push(history.step[history.step.length - 1]!);
}
