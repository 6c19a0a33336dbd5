/**
 * A cell at Sheets' 50,000-character limit, and how every message names it:
 * its first 100 characters, "…" and its length (problems.ts `shortText`).
 */
export const HUGE = `TBD ${'x'.repeat(49_996)}`; // 50,000 characters
export const CUT = `TBD ${'x'.repeat(96)}… (50,000 characters)`;
