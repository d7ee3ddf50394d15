import { defineProject } from "vitest/config";
import { BROWSER_LIMITS } from "../../../vitest.limits.ts";

// The built site in Debian's chromium. One globalSetup builds the sites and starts chromium once
// for every file here (./harness.ts says how a file uses them); without chromium each test
// skips with a note on how to install it.
export default defineProject({
  test: {
    name: "browser",
    include: ["*.test.ts"],
    globalSetup: ["./global-setup.ts"],
    // The first file's beforeAll waits for the site builds.
    ...BROWSER_LIMITS,
    isolate: false, // each file's state lives in its own useBrowserSites(); playwright loads once
    // After every other project: the course's site is built from the lessons project's records.
    sequence: { groupOrder: 1 },
  },
});
