/**
 * Compile-time only (never bundled): the review dialog's server functions
 * take `unknown` and validate it, and give what src/shared/review-protocol.ts
 * promises the dialog. Their being exported from main.ts and stubbed as
 * globals is checked by the build (checkStubs) and test/bundle/contract.test.ts.
 */
import type { ReviewApi } from '../../shared/review-protocol';
import * as review from './review';

export const REVIEW_API: ReviewApi = review;
