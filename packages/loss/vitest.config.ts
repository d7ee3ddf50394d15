import { defineProject } from "vitest/config";

export default defineProject({ test: { name: "loss", include: ["test/**/*.test.ts"] } });
