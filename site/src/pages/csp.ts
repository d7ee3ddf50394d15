// The site's content security policy, in one place for the server's header (serve.ts) and the
// pages' <meta> (layout.ts, for static hosts that send no header). The pages run a reader's code
// in a worker: nothing may load from or send to another host, and no inline script runs.

const COMMON = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  // Figures carry style attributes and Plot's <style>: styles cannot run code or, with the
  // rest of this policy, fetch from elsewhere.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The pages' policy: their scripts are the site's own files. */
export const PAGE_POLICY = [...COMMON, "script-src 'self'"].join("; ");

/**
 * The policy sent with scripts, which is what a worker runs under: the Run button's worker
 * compiles a reader's code (eval) and the figure helpers run Graphviz (WebAssembly).
 */
export const WORKER_POLICY = [...COMMON, "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'"].join(
  "; ",
);

/** The header-only parts: a <meta> policy cannot say who may frame the page. */
export const HEADER_ONLY = "frame-ancestors 'none'";
