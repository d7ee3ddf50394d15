import { defineConfig } from "vitest/config";
import { SkipReporter } from "./lessons/kit/skip-reporter.ts";

// One vitest process runs every project: on 2 cores, parallel vitest processes only slow each other.
export default defineConfig({
  test: {
    projects: ["packages/*", "lessons", "lessons/kit", "site"],
    reporters: ["default", new SkipReporter()],
  },
});
