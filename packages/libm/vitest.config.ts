import { defineProject } from "vitest/config";
import { packageTests } from "../../vitest.packages.ts";

export default defineProject({ test: packageTests("libm") });
