import { CalendarError } from './dates';
import type { Division } from './holidays/rules';

export type Regime = 'foi' | 'eir' | 'foisa' | 'sar';
export const REGIMES: readonly Regime[] = ['foi', 'eir', 'foisa', 'sar'];

/** A deadline's size in the regime's own units; exactly one is set. */
export interface ClockLimit {
  workingDays?: number;
  months?: number;
  calendarDays?: number;
}

export interface RegimeDescription {
  regime: Regime;
  law: string;
  unit: 'working days' | 'calendar months';
  defaultLimit: ClockLimit;
  /** Whose bank holidays are non-working days. */
  divisions: readonly Division[];
  scope: string;
}

const UK: readonly Division[] = ['england-and-wales', 'scotland', 'northern-ireland'];

const REGIME_DESCRIPTIONS: Record<Regime, RegimeDescription> = {
  foi: {
    regime: 'foi',
    law: 'Freedom of Information Act 2000, s.10',
    unit: 'working days',
    defaultLimit: { workingDays: 20 },
    divisions: UK,
    scope: 'weekends, Christmas Day, Good Friday and bank holidays in any part of the UK',
  },
  eir: {
    regime: 'eir',
    law: 'Environmental Information Regulations 2004, reg 5(2)',
    unit: 'working days',
    defaultLimit: { workingDays: 20 },
    divisions: UK,
    scope: 'weekends, Christmas Day, Good Friday and bank holidays in any part of the UK',
  },
  foisa: {
    regime: 'foisa',
    law: 'Freedom of Information (Scotland) Act 2002, s.10 and s.73',
    unit: 'working days',
    defaultLimit: { workingDays: 20 },
    divisions: ['scotland'],
    scope: 'weekends, Christmas Day and bank holidays in Scotland',
  },
  sar: {
    regime: 'sar',
    law: 'UK GDPR Art 12(3)',
    unit: 'calendar months',
    defaultLimit: { months: 1 },
    // A deadline on "a weekend or public holiday" moves on; any UK bank holiday counts, to be safe.
    divisions: UK,
    scope: 'a deadline on a weekend or a UK bank holiday moves to the next working day',
  },
};

export function describeRegime(regime: Regime): RegimeDescription {
  const description = REGIME_DESCRIPTIONS[regime];
  if (!description) throw new RegimeError(regime);
  return description;
}

export class RegimeError extends CalendarError {
  constructor(regime: string) {
    super(`Unknown regime "${regime}": use one of ${REGIMES.join(', ')}.`);
  }
}
