import { formatDate } from '@recordflow/calendar';

/** "Wed 11 Feb 2026", or a dash for no date. */
export const showDate = (date: string | null | undefined) => (date ? formatDate(date) : '—');

export const ukToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

/** A list's count as the api gives it: "1,000+" when counting stopped before the end. */
export function showCount(count: { value: number; exact: boolean }, noun?: string): string {
  const figure = `${count.value.toLocaleString('en-GB')}${count.exact ? '' : '+'}`;
  if (!noun) return figure;
  return `${figure} ${count.value === 1 && count.exact ? noun : `${noun}s`}`;
}
