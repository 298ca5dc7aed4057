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
