import { describe, expect, it } from 'vitest';
import { isEmailAddress } from '../../src/engine/email';

describe('an email address', () => {
  it('is one address with a domain', () => {
    expect(isEmailAddress('minjun.kim@example.com')).toBe(true);
    expect(isEmailAddress('lead+sales@example.co.kr')).toBe(true);
  });

  it('is not a name, two addresses, or an address in angle brackets', () => {
    for (const text of [
      '김민준',
      'kim@example',
      'a@example.com, b@example.com',
      '<kim@example.com>',
      'kim @example.com',
      '',
    ])
      expect(isEmailAddress(text), text).toBe(false);
  });
});
