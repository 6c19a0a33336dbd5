/**
 * Whether a text is one email address, as an Owner or a manager setting holds
 * it: something@domain.tld with no spaces, separators or angle brackets.
 * Owners that are not addresses are fine; they just get no digest.
 *
 * @example
 * isEmailAddress('kim@example.com') // → true
 * isEmailAddress('Kim Minjun') // → false
 */
export function isEmailAddress(text: string): boolean {
  return /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/.test(text);
}
