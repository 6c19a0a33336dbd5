/**
 * Synthetic pipelines at full-spreadsheet scale, deterministic (seeded), in
 * the shapes Sheets hands over: 2-D arrays, `Date` cells, `''` blanks.
 */
import { mulberry32 } from './random';

export const STAGES: unknown[][] = [
  [
    'Stage',
    'Win probability',
    'Stale after (days)',
    'Outcome',
    'Exit criteria',
    'Entry tasks',
    'Required fields',
  ],
  ['Meeting booked', 0.1, 14, '', 'Discovery call held\nDecision maker identified', 'Send deck', ''],
  ['Evaluating product', 0.3, 21, '', 'Trial used', 'Create trial (+1d)', 'Amount'],
  ['Onboarding training', 0.7, 14, '', 'Training done', 'Schedule training', ''],
  ['Quote received', 0.9, 10, '', 'Legal review done', 'Send quote', 'Expected close'],
  ['Signed', 1, '', 'won', '', '', ''],
  ['Lost', 0, '', 'lost', '', '', ''],
];
const OPEN = ['Meeting booked', 'Evaluating product', 'Onboarding training', 'Quote received'];
const ALL = [...OPEN, 'Signed', 'Lost'];
const SEOUL_OFFSET = 9 * 3_600_000;
const DAY = 86_400_000;

/** A Seoul wall-clock day as the instant Sheets would hand over. */
function seoulDay(year: number, month: number, day: number, minutes = 0): Date {
  return new Date(Date.UTC(year, month - 1, day) - SEOUL_OFFSET + minutes * 60_000);
}

export const DEAL_HEADER = [
  'Deal ID',
  'Deal',
  'Company',
  'Owner',
  'Amount',
  'Stage',
  'Stage entered',
  'Expected close',
  'Health',
  'Notes',
  'Region',
  'Source',
  'Industry',
  'Segment',
  'Next step',
  'Competitor',
  'Champion',
  'Product',
  'Currency',
  'Priority',
];

/**
 * `rows` deals of 20 columns (9 the add-on reads, 11 of the team's own),
 * closing over 24 months from 2023-01, entered up to 60 days before 2023-11-15.
 */
export function dealsGrid(rows: number, seed = 1): unknown[][] {
  const random = mulberry32(seed);
  const grid: unknown[][] = [DEAL_HEADER];
  for (let i = 0; i < rows; i++) {
    const stage = ALL[Math.floor(random() * ALL.length)] as string;
    const close = seoulDay(
      2023,
      1 + Math.floor(random() * 24),
      1 + Math.floor(random() * 28),
      Math.floor(random() * 1440),
    );
    const entered = seoulDay(2023, 11, 15 - Math.floor(random() * 60));
    grid.push([
      `D-${i + 1}`,
      `Deal ${i + 1}`,
      `Company ${i % 997}`,
      `rep${i % 23}@example.com`,
      Math.round(1_000_000 + random() * 99_000_000),
      stage,
      entered,
      close,
      '',
      i % 7 === 0 ? 'call back' : '',
      'Seoul',
      'inbound',
      'SaaS',
      'Mid',
      '',
      '',
      '',
      'Core',
      'KRW',
      i % 3,
    ]);
  }
  return grid;
}

/** A Stage history of about `rows` rows: each deal walks forward, sometimes back, then wins or loses. */
export function historyGrid(rows: number, seed = 2): unknown[][] {
  const random = mulberry32(seed);
  const grid: unknown[][] = [['When', 'Deal ID', 'From stage', 'To stage', 'By', 'Note']];
  let deal = 0;
  while (grid.length - 1 < rows) {
    deal++;
    let t = Date.UTC(2022, 0, 1) + Math.floor(random() * 600) * DAY;
    let at = 0;
    let from = '';
    for (let step = 0; step < 8 && grid.length - 1 < rows; step++) {
      let to: string;
      const r = random();
      if (at > 0 && r < 0.1) to = OPEN[--at] as string;
      else if (r < 0.25) to = 'Lost';
      else if (at === OPEN.length - 1 || r > 0.95) to = 'Signed';
      else to = OPEN[from === '' ? 0 : ++at] as string;
      grid.push([new Date(t), `H-${deal}`, from, to, 'rep@example.com', '']);
      if (to === 'Lost' || to === 'Signed') break;
      from = to;
      t += (1 + Math.floor(random() * 30)) * DAY;
    }
  }
  return grid;
}

export const TASK_HEADER = [
  'Task ID',
  'Deal ID',
  'Task',
  'Due',
  'Owner',
  'Done',
  'Required',
  'Stage',
  'Source',
  'Key',
  'Created',
];

/** Deals as the daily-check benchmark seeds them into the stand-in: every fifth deal stale. */
export function checkDealsGrid(rows: number): unknown[][] {
  const grid = dealsGrid(rows, 3).map((r) => r.slice(0, 9));
  return grid;
}
