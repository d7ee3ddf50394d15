import { defineProject } from "vitest/config";

export default defineProject({ test: { name: "figure", include: ["test/**/*.test.ts"] } });
