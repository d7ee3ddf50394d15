import { defineProject } from "vitest/config";

export default defineProject({ test: { name: "neuron", include: ["test/**/*.test.ts"] } });
