/** Bad usage: exit code 2 and the usage text. */
export class UsageError extends Error {}

/** The run cannot be made from these files (missing, unreadable, ambiguous): exit code 1 and a one-line reason. */
export class InputError extends Error {}
