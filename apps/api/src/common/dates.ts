const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in the UK (YYYY-MM-DD): statutory days turn over at midnight UK time, not UTC. */
export function ukToday(now: Date = new Date()): string {
  return londonDate.format(now);
}
