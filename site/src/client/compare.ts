// Comparing what a block printed in the page with what it printed in the test run. They are not
// always identical: browsers compute Math.exp, Math.log, Math.pow, sin and cos with other
// rounding than the Node that ran the tests (a few results in a hundred differ in the last bit),
// and a training loop of thousands of steps carries those bits into the digits it prints.

/** How a browser's output compares with the recorded one. */
export type Agreement = "same" | "numbers" | "different";

const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

/** "same"; "numbers" when only the numbers in the text differ; otherwise "different". */
export function agreement(expected: string, actual: string): Agreement {
  if (expected === actual) return "same";
  // Without its numbers, the text must match to the letter (spaces aside: padding follows digits).
  const words = (text: string) => text.split(NUMBER).map((w) => w.replace(/\s+/g, " "));
  const [we, wa] = [words(expected), words(actual)];
  return we.length === wa.length && we.every((w, i) => w === wa[i]) ? "numbers" : "different";
}
