import fc from "fast-check";

// A setup file of every project whose tests use fast-check: its properties draw from one fixed
// seed, so a run fails or passes the same way every time (a failure still prints its seed and
// counterexample). A test that wants more cases or another seed passes its own.
fc.configureGlobal({ seed: 20261204 });
