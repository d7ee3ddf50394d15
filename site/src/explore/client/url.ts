import {
  changedFlags,
  flagText,
  quoted,
  readXorArgs,
  UsageError,
  XOR_FLAG_NAMES,
  type XorArgs,
  type XorFlag,
} from "@gradbook/cli";
import { PAGE_LIMITS } from "../controls.ts";

// The explorer's state in its URL, with `pnpm xor`'s flag names. A link is input: each value is
// read by the CLI's own rule (readXorArgs), and one that fails is named, dropped and defaulted.

/**
 * The flags a link may set: all of `pnpm xor`'s but --out (a page writes no files) and --engine
 * (the page trains with `fit`; the compiled engine prints the same numbers).
 */
export const URL_FLAGS = XOR_FLAG_NAMES.filter((name) => name !== "out" && name !== "engine");

/** Reads settings from `texts`, dropping each flag that fails its rule; `problems` says which and why. */
function readLeniently(texts: Partial<Record<XorFlag, string>>): {
  args: XorArgs;
  problems: string[];
} {
  const kept = { ...texts };
  const problems: string[] = [];
  for (;;) {
    try {
      return { args: readXorArgs(kept, PAGE_LIMITS), problems };
    } catch (error) {
      const flag = error instanceof UsageError ? (error.flag as XorFlag | undefined) : undefined;
      if (!flag || kept[flag] === undefined) throw error;
      problems.push(
        `${error instanceof Error ? error.message.replace(/^--/, "") : flag}. Using the default instead.`,
      );
      delete kept[flag];
    }
  }
}

/**
 * How the page shows a run, not what it trains (no flag of `pnpm xor`): TF Playground's
 * "Discretize output" (the plane in two colours, one per side of the threshold) and "Show test
 * data". In the URL after the flags, only when on.
 */
export interface View {
  discretize: boolean;
  "show-test": boolean;
}
const VIEW_NAMES = ["discretize", "show-test"] as const;
const PLAIN_VIEW: View = Object.freeze({ discretize: false, "show-test": false });

/** The settings a page's query string holds (`?loss=mse&lr=0.1`), its view, and what in it was refused. */
export function readQuery(search: string): { args: XorArgs; view: View; problems: string[] } {
  const texts: Partial<Record<XorFlag, string>> = {};
  const view = { ...PLAIN_VIEW };
  const unknown: string[] = [];
  for (const [name, value] of new URLSearchParams(search)) {
    if ((URL_FLAGS as string[]).includes(name))
      texts[name as XorFlag] = value; // the last one wins, as on a command line
    else if ((VIEW_NAMES as readonly string[]).includes(name)) {
      if (value === "true" || value === "false") view[name as keyof View] = value === "true";
      else unknown.push(`${name}: expected true or false, got ${quoted(value)}. Ignored.`);
    } else
      unknown.push(
        `${quoted(name)}: not a setting here; expected one of ${[...URL_FLAGS, ...VIEW_NAMES].join(", ")}. Ignored.`,
      );
  }
  const read = readLeniently(texts);
  return { args: read.args, view, problems: [...unknown, ...read.problems] };
}

/** The query string of `args` and `view`: only what differs from the assignment's run and the plain view (`?loss=mse&hidden=8,8&discretize=true`), "" for that run itself. */
export function queryOf(args: XorArgs, view: View = PLAIN_VIEW): string {
  const pairs = changedFlags(args).map(
    ([name, text]) => `${name}=${encodeURIComponent(text).replaceAll("%2C", ",")}`,
  );
  for (const name of VIEW_NAMES) if (view[name]) pairs.push(`${name}=true`);
  return pairs.length ? `?${pairs.join("&")}` : "";
}

/**
 * Reads the form's texts against the run on screen (`last`): a field that fails its rule keeps
 * `last`'s value, so one refused field never blocks the others. A rule between two flags (the
 * reference's weights need hidden 5,4) blames the flag named, unless that one still holds its
 * last value: then the change that broke the rule was `changed`'s, and that field is refused.
 */
export function readForm(
  texts: Partial<Record<XorFlag, string>>,
  last: XorArgs,
  changed?: XorFlag,
): { args: XorArgs; refused: Partial<Record<XorFlag, string>> } {
  const kept = { ...texts };
  const refused: Partial<Record<XorFlag, string>> = {};
  for (let tries = 0; tries <= URL_FLAGS.length; tries++) {
    try {
      return { args: readXorArgs(kept, PAGE_LIMITS), refused };
    } catch (error) {
      if (!(error instanceof UsageError) || error.flag === undefined) throw error;
      let flag = error.flag as XorFlag;
      if (
        kept[flag] === flagText(last, flag) &&
        changed !== undefined &&
        kept[changed] !== flagText(last, changed)
      )
        flag = changed;
      refused[flag] ??= error.message.replace(/^--/, "");
      kept[flag] = flagText(last, flag);
    }
  }
  return { args: last, refused }; // the texts and last's disagree on every flag tried: keep the run on screen
}
