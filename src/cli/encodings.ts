/**
 * The two legacy encodings Excel writes CSV in, decoded without a table
 * package: CP949 (Korean Windows, "ANSI" in a Korean Excel) and
 * Windows-1252 (Excel elsewhere). Node's own `euc-kr` decoder knows only
 * KS X 1001, not the 8,822 syllables CP949 adds, and its `windows-1252` is
 * Latin-1 (0x80 is not `€`), so both are completed here.
 */

const FIRST_SYLLABLE = 0xac00;
const SYLLABLES = 11_172;

let extension: Uint16Array | null = null;

/**
 * CP949's extension, in order: every Hangul syllable KS X 1001 lacks, in
 * Unicode order (that is how Microsoft laid it out). KS X 1001's 2,350 are
 * at lead bytes 0xB0–0xC8, trail bytes 0xA1–0xFE, which Node decodes.
 */
function extensionSyllables(): Uint16Array {
  if (extension) return extension;
  const common = new Set<number>();
  const decoder = new TextDecoder('euc-kr');
  for (let lead = 0xb0; lead <= 0xc8; lead++) {
    const bytes = new Uint8Array(94 * 2);
    for (let t = 0; t < 94; t++) {
      bytes[t * 2] = lead;
      bytes[t * 2 + 1] = 0xa1 + t;
    }
    for (const ch of decoder.decode(bytes)) common.add(ch.codePointAt(0) as number);
  }
  const rest: number[] = [];
  for (let code = FIRST_SYLLABLE; code < FIRST_SYLLABLE + SYLLABLES; code++)
    if (!common.has(code)) rest.push(code);
  extension = Uint16Array.from(rest);
  return extension;
}

/** The position of a trail byte in CP949's extension rows (A–Z, a–z, 0x81–0xFE), or -1. */
function trailIndex(trail: number): number {
  if (trail >= 0x41 && trail <= 0x5a) return trail - 0x41;
  if (trail >= 0x61 && trail <= 0x7a) return trail - 0x61 + 26;
  if (trail >= 0x81 && trail <= 0xfe) return trail - 0x81 + 52;
  return -1;
}

/**
 * The syllable a CP949 extension pair stands for, or `null`: leads 0x81–0xA0
 * take 178 trail bytes each, leads 0xA1–0xC6 the 84 below 0xA1.
 */
function extensionChar(lead: number, trail: number): string | null {
  const t = trailIndex(trail);
  if (t < 0 || lead < 0x81 || lead > 0xc6 || (lead >= 0xa1 && t >= 84)) return null;
  const index = lead <= 0xa0 ? (lead - 0x81) * 178 + t : 32 * 178 + (lead - 0xa1) * 84 + t;
  const code = extensionSyllables()[index];
  return code === undefined ? null : String.fromCharCode(code);
}

const standard = new Map<number, string | null>();
const ksDecoder = new TextDecoder('euc-kr', { fatal: true });

/** A KS X 1001 pair (both bytes 0xA1–0xFE) as Node decodes it; `null` when it stands for nothing. */
function standardChar(lead: number, trail: number): string | null {
  const key = lead * 256 + trail;
  let ch = standard.get(key);
  if (ch === undefined) {
    try {
      ch = ksDecoder.decode(Uint8Array.of(lead, trail));
    } catch {
      ch = null;
    }
    standard.set(key, ch);
  }
  return ch;
}

/** CP949 text, or `null` when the bytes are not CP949 (a byte pair that stands for nothing). */
export function decodeCp949(bytes: Uint8Array): string | null {
  let out = '';
  let from = 0;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] as number;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    if (trail === undefined) return null;
    const ch =
      lead >= 0xa1 && trail >= 0xa1 && lead <= 0xfe && trail <= 0xfe
        ? standardChar(lead, trail)
        : extensionChar(lead, trail);
    if (ch === null) return null;
    parts.push(ascii(bytes, from, i), ch);
    i++;
    from = i + 1;
    // Join now and then: one string per character would be slow on a big file.
    if (parts.length > 4096) out += parts.splice(0).join('');
  }
  return out + parts.join('') + ascii(bytes, from, bytes.length);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i += 8192)
    s += String.fromCharCode(...bytes.subarray(i, Math.min(to, i + 8192)));
  return s;
}

// Windows-1252's 0x80–0x9F; the five it leaves undefined stay as the C1 controls.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/** Windows-1252 text: every byte is a character; 0x80 is `€`, 0x93 `“`. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) =>
      b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b,
    );
    parts.push(String.fromCharCode(...chunk));
  }
  return parts.join('');
}
