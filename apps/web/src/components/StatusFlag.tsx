/** Overdue or due soon, in words and with a sign, never by colour alone (WCAG 1.4.1). */
export function DeadlineFlag({ overdue, dueSoon }: { overdue: boolean; dueSoon: boolean }) {
  if (overdue) {
    return (
      <strong className="deadline-flag overdue" data-testid="deadline-flag">
        <span aria-hidden="true">⚠ </span>Overdue
      </strong>
    );
  }
  if (dueSoon) {
    return (
      <strong className="deadline-flag due-soon" data-testid="deadline-flag">
        <span aria-hidden="true">⏱ </span>Due soon
      </strong>
    );
  }
  return null;
}
