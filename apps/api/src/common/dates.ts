const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

let memo = { second: Number.NaN, date: '' };

/** Today's date in the UK (YYYY-MM-DD): statutory days turn over at midnight UK time, not UTC. */
export function ukToday(now: Date = new Date()): string {
  // Formatting with a time zone is slow and every transition asks: remember the answer for the second.
  const second = Math.floor(now.getTime() / 1000);
  if (second !== memo.second) memo = { second, date: londonDate.format(now) };
  return memo.date;
}
