// The type check's worker: the lesson kit's type check (lessons/kit/type-errors.ts, TypeScript's
// compiler API) over the blocks the page sends, compiled as `pnpm typecheck` compiles a lesson,
// against the files the site ships for it (assets/js/types.json: the packages' sources, their
// libraries' declarations, TypeScript's lib files). The page starts it on the first check, never
// on page load: TypeScript is large. It runs no reader code: TypeScript only reads it.

import {
  blockTypeProblems,
  shippedHost,
  type TypeFiles,
} from "../../../lessons/kit/type-errors.ts";
import type { TypeCheckReply, TypeCheckRequest } from "./type-check.ts";

const scope = self as unknown as {
  addEventListener(
    type: "message",
    listener: (event: MessageEvent<TypeCheckRequest>) => void,
  ): void;
  postMessage(message: TypeCheckReply): void;
};

// Fetched and prepared once: the host keeps what it parsed, so later checks parse only the blocks.
// types.json lies beside this script (a worker's location is its script's address).
const ready = fetch(new URL("types.json", location.href)).then(async (response) => {
  if (!response.ok) throw new Error(`the type files did not load (HTTP ${response.status})`);
  const files = (await response.json()) as TypeFiles;
  return { files, host: shippedHost(files) };
});

scope.addEventListener("message", async ({ data: { id, lesson } }) => {
  try {
    const { files, host } = await ready;
    scope.postMessage({
      id,
      problems: blockTypeProblems(lesson, files.module, files.options, host),
    });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
