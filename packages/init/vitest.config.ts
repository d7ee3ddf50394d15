import { defineProject } from "vitest/config";

export default defineProject({ test: { name: "init", include: ["test/**/*.test.ts"] } });
