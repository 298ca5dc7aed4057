import { formatDate } from '@recordflow/calendar';

// One way of writing dates across the app, as the deadline explanations write them: "Wed 11 Feb 2026",
// and moments "Wed 11 Feb 2026, 14:05 GMT" on the UK's clock (GMT or BST), wherever the browser is.
const LONDON = 'Europe/London';

/** "Wed 11 Feb 2026", or a dash for no date. */
export const showDate = (date: string | null | undefined) => (date ? formatDate(date) : '—');

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

function inLondon(instant: string | Date) {
  const parts = Object.fromEntries(
    londonParts.formatToParts(new Date(instant)).map((p) => [p.type, p.value] as const),
  );
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    // en-GB names the zone "GMT" in winter and "BST" in summer ("GMT+1" on engines without the name).
    zone: parts.timeZoneName === 'GMT+1' ? 'BST' : (parts.timeZoneName ?? 'GMT'),
  };
}

/** A moment as "Wed 11 Feb 2026, 14:05 GMT" (BST in summer), or a dash. */
export function showDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const { day, time, zone } = inLondon(instant);
  return `${formatDate(day)}, ${time} ${zone}`;
}

/** The UK date of a moment: "Wed 11 Feb 2026" (a moment just after midnight BST is the next day's). */
export function showDayOf(instant: string | null | undefined): string {
  return instant ? formatDate(inLondon(instant).day) : '—';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A reporting period as people say it: "2026-01" → "Jan 2026", "2026-Q1" → "Q1 2026", "2026" stays. */
export function showPeriod(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  const quarter = /^(\d{4})-?(Q[1-4])$/.exec(period);
  if (quarter) return `${quarter[2]} ${quarter[1]}`;
  return period;
}

/** How an answer stood against its deadline, as the statistics count it. */
export const TIMELINESS: Record<string, string> = {
  'in-time': 'In time',
  'in-time-extended': 'In time with a permitted extension',
  late: 'Late',
};

export const ukToday = () => inLondon(new Date()).day;

/** A list's count as the api gives it: "1,000+" when counting stopped before the end. */
export function showCount(count: { value: number; exact: boolean }, noun?: string): string {
  const figure = `${count.value.toLocaleString('en-GB')}${count.exact ? '' : '+'}`;
  if (!noun) return figure;
  return `${figure} ${count.value === 1 && count.exact ? noun : `${noun}s`}`;
}

// Abbreviations kept as they are written when a value is turned into words.
const KEEP = new Map(
  ['foi', 'foia', 'eir', 'foisa', 'eisr', 'sar', 'ico', 'pdf', 'docx', 'ncnd', 'id', 'gdpr', 'uk'].map(
    (w) => [w, w.toUpperCase()],
  ),
);

/**
 * A raw value in words, for when the definition gives no label: "granted-in-full" → "Granted in full",
 * "review-window" → "Review window", "CLARIFICATION_RECEIVED" → "Clarification received", "sar" → "SAR".
 */
export function humanize(value: string | null | undefined): string {
  if (!value) return '—';
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => KEEP.get(w.toLowerCase()) ?? w.toLowerCase());
  const [first = '', ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
}
