// Deadlines per second: computeDeadline and addWorkingDays beside a naive day-by-day loop over a holiday Set.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const calendar = require('../../packages/calendar/dist/index.js');

const N = 100_000;
const DAY = 86_400_000;
const START = Date.UTC(2016, 0, 1);
const SPAN = Date.UTC(2029, 11, 31) - START;

// The same pseudo-random receipt dates for every measurement (a fixed LCG, not Math.random).
let seed = 42;
const dates = Array.from({ length: N }, () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return new Date(START + Math.floor((seed / 2 ** 31) * (SPAN / DAY)) * DAY).toISOString().slice(0, 10);
});

const holidays = new Set(
  ['england-and-wales', 'scotland', 'northern-ireland'].flatMap((d) =>
    calendar.bankHolidays(d).map((h) => h.date),
  ),
);
function naiveAddWorkingDays(from, days) {
  let ms = Date.parse(`${from}T00:00:00Z`);
  let counted = 0;
  while (counted < days) {
    ms += DAY;
    const date = new Date(ms);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(date.toISOString().slice(0, 10))) counted++;
  }
  return new Date(ms).toISOString().slice(0, 10);
}

function time(label, fn) {
  fn(); // warm up
  const started = process.hrtime.bigint();
  const checksum = fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(
    `${label.padEnd(46)} ${ms.toFixed(1).padStart(8)} ms  ${Math.round((N / ms) * 1000)
      .toLocaleString('en-GB')
      .padStart(11)}/s  (${checksum})`,
  );
  return ms;
}

export default async function run() {
  const limit = { workingDays: 20 };
  time(`computeDeadline (with explanation) x${N}`, () => {
    let last = '';
    for (const date of dates) last = calendar.computeDeadline('foi', [{ type: 'start', date }], limit).due;
    return last;
  });
  time(`addWorkingDays x${N}`, () => {
    let last = '';
    for (const date of dates) last = calendar.addWorkingDays('foi', date, 20);
    return last;
  });
  time(`baseline: naive day loop over a holiday Set x${N}`, () => {
    let last = '';
    for (const date of dates) last = naiveAddWorkingDays(date, 20);
    return last;
  });
}
