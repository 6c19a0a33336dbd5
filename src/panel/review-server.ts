import type { ReviewApi } from '../shared/review-protocol';
import { call } from './server';

/** google.script.run for the review dialog: the shared typed client (one count of calls in flight). */
export function callReview<K extends keyof ReviewApi>(
  name: K,
  ...args: Parameters<ReviewApi[K]>
): Promise<ReturnType<ReviewApi[K]>> {
  return call(name, ...args);
}
