// What a ```ts throws block means, for the lesson core's runtime (run.ts). No node imports: the
// page's worker bundles this file.

/**
 * An error as a lesson's output shows it: `RangeError: message`. Never throws: code may throw
 * anything (`Object.create(null)`, a proxy whose every trap throws), and the run must report it.
 */
export function errorText(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return "a value that cannot be shown as text was thrown";
  }
}

/**
 * Runs a throws block's body. It passes when the body throws (an error matching `pattern`, if
 * given): then `message` is the error's text, which the block prints. Otherwise `reason` says why
 * the block fails.
 */
export async function runThrowsBlock(
  body: () => Promise<void>,
  pattern?: { source: string; flags: string },
): Promise<{ message: string; reason?: undefined } | { reason: string }> {
  try {
    await body();
  } catch (error) {
    const message = errorText(error);
    const expected = pattern && new RegExp(pattern.source, pattern.flags);
    if (expected && !expected.test(message))
      return { reason: `expected an error matching ${expected}, got ${message}` };
    return { message };
  }
  return { reason: "expected this ```ts throws block to throw, but it completed" };
}
