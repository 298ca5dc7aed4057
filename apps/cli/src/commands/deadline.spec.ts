import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadlineCommand } from './deadline';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('recordflow deadline', () => {
  it('prints the due date and the days skipped', async () => {
    expect(await deadlineCommand(['--regime', 'foi', '--received', '2026-03-09'])).toBe(0);
    expect(out).toContain('Due Thu 9 Apr 2026 (2026-04-09)');
    expect(out).toContain("Tue 17 Mar 2026  St Patrick's Day (Northern Ireland)");
    expect(out).toContain('Fri 3 Apr 2026  Good Friday');
  });

  it('prints one JSON object with --json', async () => {
    expect(await deadlineCommand(['--regime', 'foi', '--received', '2026-01-14', '--json'])).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({
      regime: 'foi',
      received: '2026-01-14',
      due: '2026-02-11',
      limit: { workingDays: 20 },
    });
    expect(result.skipped).toHaveLength(8);
    expect(result.skipped[0]).toEqual({ date: '2026-01-17', reason: 'Saturday' });
  });

  it('counts months for subject access requests and takes --days or --months', async () => {
    expect(await deadlineCommand(['--regime', 'sar', '--received', '2026-01-31', '--json'])).toBe(0);
    expect(JSON.parse(out).due).toBe('2026-03-02');
    out = '';
    expect(
      await deadlineCommand(['--regime', 'foi', '--received', '2026-01-14', '--days', '40', '--json']),
    ).toBe(0);
    expect(JSON.parse(out).due).toBe('2026-03-11');
  });

  it("moves a SAR deadline past the controller's own nation's holidays only, and says whose", async () => {
    const due = async (nation: string) => {
      out = '';
      expect(
        await deadlineCommand(['--regime', 'sar', '--received', '2026-02-17', '--nation', nation, '--json']),
      ).toBe(0);
      return JSON.parse(out);
    };
    expect((await due('england-and-wales')).due).toBe('2026-03-17');
    const ni = await due('northern-ireland');
    expect(ni).toMatchObject({ due: '2026-03-18', nation: 'northern-ireland' });
    expect(ni.explanation).toContain("a bank holiday in Northern Ireland, the controller's nation");
    out = '';
    expect(
      await deadlineCommand(['--regime', 'sar', '--received', '2026-03-06', '--nation', 'scotland']),
    ).toBe(0);
    expect(out).toContain('Due Mon 6 Apr 2026 (2026-04-06)');
    expect(out).toContain("a bank holiday in Scotland, the controller's nation");
  });

  it('counts a SAR from a Saturday whatever the receipt rule, and the rule still moves FOI', async () => {
    expect(
      await deadlineCommand([
        '--regime',
        'sar',
        '--received',
        '2026-08-01',
        '--receipt-rule',
        'code-of-practice',
        '--json',
      ]),
    ).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ dayZero: '2026-08-01', due: '2026-09-01' });
    out = '';
    expect(
      await deadlineCommand([
        '--regime',
        'foi',
        '--received',
        '2026-12-19',
        '--receipt-rule',
        'code-of-practice',
        '--json',
      ]),
    ).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ dayZero: '2026-12-21', due: '2027-01-22' });
  });

  it('counts Scottish working days for EISR', async () => {
    expect(await deadlineCommand(['--regime', 'eisr', '--received', '2026-03-09'])).toBe(0);
    expect(out).toContain('Due Tue 7 Apr 2026 (2026-04-07)');
    expect(out).toContain('under Environmental Information (Scotland) Regulations 2004, reg 5(2)');
    expect(out).not.toContain("St Patrick's Day");
  });

  it.each([
    [
      ['--regime', 'fol', '--received', '2026-01-14'],
      'Unknown regime "fol": use one of foi, eir, foisa, eisr, sar.',
    ],
    [
      ['--regime', 'sar', '--received', '2026-01-14', '--nation', 'wales'],
      'Unknown nation "wales": use one of england-and-wales, scotland, northern-ireland.',
    ],
    [['--regime', 'foi', '--received', '2026-02-30'], '"2026-02-30" is not a date'],
    [
      ['--regime', 'foi', '--received', '2026-01-14', '--days', '-3'],
      '--days must be a whole number of 0 or more',
    ],
    [['--regime', 'foi', '--received', '2026-01-14', '--days', '2', '--months', '1'], 'not both'],
    [['--regime', 'foi', '--received', '2026-01-14', '--colour'], "Unknown option '--colour'"],
    [['--regime', 'foi'], 'Give the date the request was received'],
  ])('refuses %j, saying what was wrong, with exit 1', async (args, message) => {
    expect(await deadlineCommand(args)).toBe(1);
    expect(err).toContain(message);
    expect(err).toContain('Usage: recordflow deadline');
    expect(out).toBe('');
  });
});
