/**
 * Every project's time limits. They end a hung test; they are not a speed budget: the suite
 * must pass on a laptop busy with other work (`pnpm test:load` checks it with every core
 * saturated), so they sit far beyond what any test needs. Tests wait for events, not times.
 */
export const LIMITS = { testTimeout: 300_000, hookTimeout: 600_000 } as const;

/** The browser project's: a test there visits every page of both sites, on a busy browser too. */
export const BROWSER_LIMITS = { testTimeout: 600_000, hookTimeout: 600_000 } as const;
