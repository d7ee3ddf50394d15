import { defineProject } from "vitest/config";

export default defineProject({ test: { name: "compile", include: ["test/**/*.test.ts"] } });
