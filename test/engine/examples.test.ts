/// <reference types="vite/client" />
/**
 * Every `@example` in the engine is a real call with its result, and runs:
 * each statement ending in `// → expected` is evaluated with the engine's
 * exports in scope and compared with the expected value (`0.3006…` matches
 * any number that begins so). An example with nothing to check fails, so the
 * JSDoc cannot drift into prose that no longer holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = 'src/engine';
const files = readdirSync(ENGINE).filter((f) => f.endsWith('.ts'));
// Vite's glob import (vitest runs on Vite): every engine module, loaded eagerly.
const modules = import.meta.glob('../../src/engine/*.ts', { eager: true });
const scope: Record<string, unknown> = Object.assign({}, ...Object.values(modules));

interface Check {
  readonly code: string;
  readonly expected: string;
}

/** The checks of every @example block in a file: statements that end in `// → value`. */
function examplesOf(text: string): { line: number; checks: Check[] }[] {
  const found: { line: number; checks: Check[] }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\*\s*@example\b/.test(lines[i] ?? '')) continue;
    const checks: Check[] = [];
    let code = '';
    for (let j = i + 1; j < lines.length; j++) {
      const raw = lines[j] ?? '';
      if (/^\s*\*\//.test(raw) || /^\s*\*\s*@\w/.test(raw)) break;
      const body = raw.replace(/^\s*\*\s?/, '');
      const arrow = body.indexOf('// →');
      if (arrow < 0) {
        if (body.trim().startsWith('//')) continue;
        // A line that ends an expression whose result is on the next line (`// → …` alone).
        const next = (lines[j + 1] ?? '').replace(/^\s*\*\s?/, '');
        if (next.trim().startsWith('// →')) {
          checks.push({ code: code + body, expected: next.trim().slice(4).trim() });
          j++;
          continue;
        }
        code += `${body}\n`;
        continue;
      }
      checks.push({ code: code + body.slice(0, arrow), expected: body.slice(arrow + 4).trim() });
    }
    found.push({ line: i + 1, checks });
  }
  return found;
}

const APPROX = /(-?\d+\.\d+)…/g;

/** The expected value, with `0.3006…` turned into a matcher for numbers that begin so. */
function expectedOf(text: string): unknown {
  const marked = text.replace(APPROX, (_m, digits: string) => `{ __approx: '${digits}' }`);
  const value = new Function(...Object.keys(scope), `return (${marked});`)(...Object.values(scope));
  return approximate(value);
}

function approximate(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(approximate);
  if (value && typeof value === 'object') {
    const digits = (value as { __approx?: string }).__approx;
    if (digits !== undefined)
      return expect.toSatisfy((n: unknown) => typeof n === 'number' && String(n).startsWith(digits));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, approximate(v)]));
  }
  return value;
}

describe('the engine’s @examples run and give what they say', () => {
  for (const file of files) {
    const examples = examplesOf(readFileSync(join(ENGINE, file), 'utf8'));
    for (const example of examples) {
      it(`${file}:${example.line}`, () => {
        expect(example.checks.length, 'an @example must show a call and its result').toBeGreaterThan(0);
        for (const check of example.checks) {
          // The lines before the last are statements (`const …`); the last line is the expression shown.
          const lines = check.code.trim().split('\n');
          const last = lines.pop() ?? '';
          const actual = new Function(...Object.keys(scope), `${lines.join('\n')}\nreturn (${last});`)(
            ...Object.values(scope),
          );
          expect(actual, check.code.trim()).toEqual(expectedOf(check.expected));
        }
      });
    }
  }
});
