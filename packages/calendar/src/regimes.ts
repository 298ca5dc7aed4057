import { CalendarError } from './dates';
import { DIVISIONS, type Division } from './holidays/rules';

export type Regime = 'foi' | 'eir' | 'foisa' | 'eisr' | 'sar';
/** The one list of regimes: everything else (CLI, validator, schema) reads it from here. */
export const REGIMES: readonly Regime[] = ['foi', 'eir', 'foisa', 'eisr', 'sar'];

/** A UK nation whose bank holidays gov.uk publishes as one division. */
export type Nation = Division;
export const NATIONS: readonly Nation[] = DIVISIONS;

const NATION_NAMES: Record<Nation, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/** "England and Wales", "Scotland", "Northern Ireland". */
export function nationName(nation: Nation): string {
  const name = NATION_NAMES[nation];
  if (!name) throw new NationError(nation);
  return name;
}

/** A deadline's size in the regime's own units; exactly one is set. */
export interface ClockLimit {
  workingDays?: number;
  months?: number;
  calendarDays?: number;
}

export type Regulator = 'Information Commissioner' | 'Scottish Information Commissioner';

export interface RegimeDescription {
  regime: Regime;
  law: string;
  unit: 'working days' | 'calendar months';
  defaultLimit: ClockLimit;
  /** Whose bank holidays are non-working days when no nation is set (see divisionsFor). */
  divisions: readonly Division[];
  /** True when the controller's own nation decides the holidays (SAR); otherwise the statute fixes them. */
  byControllerNation: boolean;
  regulator: Regulator;
  scope: string;
}

const UK: readonly Division[] = DIVISIONS;
const UK_SCOPE = 'weekends, Christmas Day, Good Friday and bank holidays in any part of the UK';
const SCOTTISH_SCOPE = 'weekends, Christmas Day and bank holidays in Scotland';

const REGIME_DESCRIPTIONS: Record<Regime, RegimeDescription> = {
  foi: {
    regime: 'foi',
    law: 'Freedom of Information Act 2000, s.10',
    unit: 'working days',
    defaultLimit: { workingDays: 20 },
    divisions: UK,
    byControllerNation: false,
    regulator: 'Information Commissioner',
    scope: UK_SCOPE,
  },
  eir: {
    regime: 'eir',
    law: 'Environmental Information Regulations 2004, reg 5(2)',
    unit: 'working days',
    defaultLimit: { workingDays: 20 },
    divisions: UK,
    byControllerNation: false,
    regulator: 'Information Commissioner',
    scope: UK_SCOPE,
  },
  foisa: {
    regime: 'foisa',
    law: 'Freedom of Information (Scotland) Act 2002, s.10 and s.73',
    unit: 'working days',
    defaultLimit: { workingDays: 20 },
    divisions: ['scotland'],
    byControllerNation: false,
    regulator: 'Scottish Information Commissioner',
    scope: SCOTTISH_SCOPE,
  },
  eisr: {
    regime: 'eisr',
    law: 'Environmental Information (Scotland) Regulations 2004, reg 5(2)',
    unit: 'working days',
    // 40 working days where the request is complex and voluminous (reg 7), by clock.extend.
    defaultLimit: { workingDays: 20 },
    divisions: ['scotland'],
    byControllerNation: false,
    regulator: 'Scottish Information Commissioner',
    scope: SCOTTISH_SCOPE,
  },
  sar: {
    regime: 'sar',
    law: 'UK GDPR Art 12(3) and Art 12A',
    unit: 'calendar months',
    defaultLimit: { months: 1 },
    // With no nation set, a holiday of any nation moves the date on: the latest date any controller could have.
    divisions: UK,
    byControllerNation: true,
    regulator: 'Information Commissioner',
    scope:
      "a deadline on a weekend or a bank holiday of the controller's nation moves to the next working day (any UK bank holiday when no nation is set)",
  },
};

export function describeRegime(regime: Regime): RegimeDescription {
  const description = REGIME_DESCRIPTIONS[regime];
  if (!description) throw new RegimeError(regime);
  return description;
}

/** The divisions whose bank holidays are non-working days for the regime, given the controller's nation. */
export function divisionsFor(regime: Regime, nation?: Nation): readonly Division[] {
  const description = describeRegime(regime);
  if (nation === undefined || !description.byControllerNation) return description.divisions;
  nationName(nation);
  return [nation];
}

export class RegimeError extends CalendarError {
  constructor(regime: string) {
    super(`Unknown regime "${regime}": use one of ${REGIMES.join(', ')}.`);
  }
}

export class NationError extends CalendarError {
  constructor(nation: string) {
    super(`Unknown nation "${nation}": use one of ${NATIONS.join(', ')}.`);
  }
}
