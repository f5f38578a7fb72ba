/**
 * Timeouts of the unit tier's slow tests. They are sized for a loaded 2-core machine: `npm test`
 * has to pass while two other processes keep both cores busy, and then everything takes three to
 * four times as long as on an idle one. They bound a hung test; they measure nothing.
 */

/** A test that starts the `plan` command (about 0.7 s a run on an idle machine) a few times. */
export const PROCESS_TIMEOUT = 60_000;

/** A test that parses megabytes of text in one go. */
export const HEAVY_TIMEOUT = 60_000;

/** A property test: its runs are set by PROPERTY_RUNS (CI runs 1000). */
export const PROPERTY_TIMEOUT = 600_000;
