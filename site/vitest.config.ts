import { defineProject } from "vitest/config";

// The site's tests: renderer pieces without a browser, and the built site in Debian's chromium.
export default defineProject({
  test: {
    name: "site",
    include: ["test/**/*.test.ts"],
    // The browser suite builds a site first: allow for it on a busy 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
