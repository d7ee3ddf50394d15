import { defineProject } from "vitest/config";
import { LIMITS } from "../../vitest.limits.ts";

// isolate: false: the tests hold no state between files, and loading modules once saves a third of the CPU.
export default defineProject({ test: { name: "train", include: ["test/**/*.test.ts"], ...LIMITS, isolate: false } });
