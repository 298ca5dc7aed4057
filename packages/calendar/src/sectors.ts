/**
 * The s.12 FOIA appropriate limit by kind of authority (Fees Regulations 2004 reg 3): £600 for the
 * bodies of Schedule 1 Part I (central government), £450 for every other public authority, at £25 an
 * hour of staff time (reg 4(4)).
 */
export const SECTORS = {
  'central-government': { appropriateLimit: 600, label: 'Central government (Schedule 1 Part I)' },
  'other-public-authority': { appropriateLimit: 450, label: 'Any other public authority' },
} as const;

export type Sector = keyof typeof SECTORS;

export const SECTOR_NAMES = Object.keys(SECTORS) as Sector[];

/** Reg 4(4): staff time is costed at £25 an hour. */
export const HOURLY_RATE = 25;

export const isSector = (value: string): value is Sector => Object.hasOwn(SECTORS, value);

/** The appropriate limit in pounds and in hours of staff time, or nulls when the sector is not set. */
export function appropriateLimitOf(sector: Sector | null): { pounds: number | null; hours: number | null } {
  if (!sector) return { pounds: null, hours: null };
  const pounds = SECTORS[sector].appropriateLimit;
  return { pounds, hours: pounds / HOURLY_RATE };
}
