/**
 * The epochs a second a run makes, over its last few seconds of play: the page's estimate of the
 * time left ("about 2 min left"), from what it sees, not from a guess at the machine.
 */
export class Clock {
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
export function timeLeft(epochs: number, rate: number | undefined): string {
  if (rate === undefined || !(rate > 0)) return "";
  const s = Math.ceil(epochs / rate);
  const text = s < 60 ? `${s} s` : `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  return `about ${text} left (${rate < 10 ? rate.toFixed(1) : Math.round(rate)} epochs/s)`;
}
