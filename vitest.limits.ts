/**
 * Every project's time limits. They end a hung test; they are not a speed budget: the suite
 * must pass on a laptop busy with other work (`pnpm test:load` checks it with every core
 * saturated), so they sit far beyond what any test needs. Tests wait for events, not times.
 */
export const LIMITS = { testTimeout: 120_000, hookTimeout: 300_000 } as const;
