/**
 * A character of the data that a terminal would act on rather than show: C0
 * controls (escape sequences, carriage return, newline, tab, backspace), DEL,
 * C1 controls (U+009B is a one-character escape sequence), the line and
 * paragraph separators, and the bidi marks, embeddings, overrides and
 * isolates that reorder what follows them (U+202E shows `txt.exe` as `exe.txt`).
 */
function isTerminalControl(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

// Newline, carriage return and tab by their usual names.
const SHORT_ESCAPES: Readonly<Record<number, string>> = { 10: '\\n', 13: '\\r', 9: '\\t' };

/**
 * Data as the terminal may print it: every control character above shown as
 * a visible escape (`\x1b`, `\r`, `\n`, `\u202e`), so a cell can neither move
 * the cursor, clear the screen, break a table's line nor reverse its text.
 * What remains is printable, so `displayWidth` measures what is shown.
 * Every data string the text report prints passes through here once.
 */
export function terminalText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isTerminalControl(code)) continue;
    const shown =
      SHORT_ESCAPES[code] ??
      (code <= 0xff
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : `\\u${code.toString(16).padStart(4, '0')}`);
    out += text.slice(from, i) + shown;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Columns a terminal shows aligned, Korean included: Hangul and other wide
 * characters take two cells, combining marks and zero-width characters none,
 * so padding counts display width, not length.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += isZeroWidth(code) ? 0 : isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function isZeroWidth(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) || // combining diacritical marks
    (code >= 0x200b && code <= 0x200d) || // zero-width space, non-joiner, joiner
    (code >= 0xfe00 && code <= 0xfe0f) || // variation selectors
    code === 0xfeff
  );
}

export type Align = 'left' | 'right';

/**
 * Renders rows under a header, numbers right-aligned, separated by two spaces.
 * Every cell is shown through `terminalText`. Widths are found by a loop, not
 * `Math.max(...cells)`: a section of 150,000 rows would overflow the stack.
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string {
  const shownHeader = header.map(terminalText);
  const shownRows = rows.map((r) => r.map(terminalText));
  const widths = shownHeader.map(displayWidth);
  for (const row of shownRows) {
    for (let c = 0; c < widths.length; c++) {
      const w = displayWidth(row[c] ?? '');
      if (w > (widths[c] as number)) widths[c] = w;
    }
  }
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => {
        const pad = ' '.repeat(Math.max(0, (widths[c] ?? 0) - displayWidth(cell)));
        return align[c] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const lines = [line(shownHeader), rule];
  for (const row of shownRows) lines.push(line(row));
  return lines.join('\n');
}
