// Long computations say how far along they are, for a host that shows it: the site's runner in
// the browser listens (a sweep over 200 seeds takes a while there), a test run does not.

/** Told that `done` of `total` steps of a long computation are done. */
export type ProgressListener = (done: number, total: number) => void;

let listener: ProgressListener | undefined;

/** Sets the function told of every long computation's progress; `undefined` stops telling. */
export function onProgress(next: ProgressListener | undefined): void {
  listener = next;
}

/** Tells the listener, if there is one, that `done` of `total` steps are done. */
export function reportProgress(done: number, total: number): void {
  listener?.(done, total);
}
