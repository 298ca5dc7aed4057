import { parseArgs } from 'node:util';
import {
  CalendarError,
  type ClockLimit,
  computeDeadline,
  describeRegime,
  formatDate,
  isIsoDate,
  NATIONS,
  type Nation,
  REGIMES,
  type ReceiptRule,
  type Regime,
} from '@recordflow/calendar';
import type { Command } from '../main';

const USAGE = `Usage: recordflow deadline --regime <${REGIMES.join('|')}> --received <YYYY-MM-DD> [--days N | --months N]
                           [--receipt-rule ico|code-of-practice] [--nation <${NATIONS.join('|')}>] [--json]

Prints the statutory deadline for a request received on that date, and how it was counted.
The limit defaults to the regime's (20 working days; one calendar month for sar).
--nation is the controller's nation: a sar deadline moves past its bank holidays only
(without it, past any UK nation's). The receipt rule does not apply to sar.
`;

function fail(message: string): number {
  process.stderr.write(`${message}\n\n${USAGE}`);
  return 1;
}

function count(name: string, value: string | undefined): number | undefined | string {
  if (value === undefined) return undefined;
  const n = Number(value);
  return /^\d+$/.test(value) && Number.isSafeInteger(n)
    ? n
    : `--${name} must be a whole number of 0 or more, not "${value}".`;
}

// "--days -3" would read as two flags; join it so the number is checked and refused with a reason.
const joinNegativeNumbers = (args: string[]) =>
  args.flatMap((arg, i) =>
    /^-\d/.test(arg) && /^--(days|months)$/.test(args[i - 1] ?? '')
      ? []
      : /^--(days|months)$/.test(arg) && /^-\d/.test(args[i + 1] ?? '')
        ? [`${arg}=${args[i + 1]}`]
        : [arg],
  );

export const deadlineCommand: Command = async (args) => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: joinNegativeNumbers(args),
      options: {
        regime: { type: 'string' },
        received: { type: 'string' },
        days: { type: 'string' },
        months: { type: 'string' },
        'receipt-rule': { type: 'string' },
        nation: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowNegative: false,
    }));
  } catch (error) {
    return fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const regime = values.regime as string | undefined;
  const received = values.received as string | undefined;
  if (!regime) return fail('Give the regime with --regime.');
  if (!REGIMES.includes(regime as Regime))
    return fail(`Unknown regime "${regime}": use one of ${REGIMES.join(', ')}.`);
  if (!received) return fail('Give the date the request was received with --received YYYY-MM-DD.');
  if (!isIsoDate(received))
    return fail(`"${received}" is not a date: write it as YYYY-MM-DD, e.g. 2026-01-14.`);
  const days = count('days', values.days as string | undefined);
  const months = count('months', values.months as string | undefined);
  if (typeof days === 'string') return fail(days);
  if (typeof months === 'string') return fail(months);
  if (days !== undefined && months !== undefined) return fail('Give --days or --months, not both.');
  const receiptRule = (values['receipt-rule'] as string | undefined) ?? 'ico';
  if (receiptRule !== 'ico' && receiptRule !== 'code-of-practice') {
    return fail(`--receipt-rule must be ico or code-of-practice, not "${receiptRule}".`);
  }
  const nation = values.nation as string | undefined;
  if (nation !== undefined && !NATIONS.includes(nation as Nation))
    return fail(`Unknown nation "${nation}": use one of ${NATIONS.join(', ')}.`);
  const limit: ClockLimit =
    days !== undefined
      ? { workingDays: days }
      : months !== undefined
        ? { months }
        : describeRegime(regime as Regime).defaultLimit;

  try {
    const deadline = computeDeadline(regime as Regime, [{ type: 'start', date: received }], limit, {
      receiptRule: receiptRule as ReceiptRule,
      ...(nation ? { nation: nation as Nation } : {}),
    });
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({
          regime,
          received,
          dayZero: deadline.received,
          due: deadline.due,
          limit: deadline.limit,
          receiptRule,
          nation: nation ?? null,
          counted: deadline.counted,
          skipped: deadline.skipped,
          explanation: deadline.explanation,
        })}\n`,
      );
      return 0;
    }
    const lines = [`Due ${formatDate(deadline.due as string)} (${deadline.due})`, deadline.explanation];
    const notWeekends = deadline.skipped.filter((s) => s.reason !== 'Saturday' && s.reason !== 'Sunday');
    if (notWeekends.length > 0) {
      lines.push('Days skipped besides weekends:');
      for (const day of notWeekends) lines.push(`  ${formatDate(day.date)}  ${day.reason}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CalendarError) return fail(error.message);
    throw error;
  }
};
