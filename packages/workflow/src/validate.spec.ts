import { describe, expect, it } from 'vitest';
import { type Problem, parseWorkflowJson, validateWorkflow } from './index';
import { rawWorkflow } from './test-support/built-ins';

// biome-ignore lint/suspicious/noExplicitAny: the tests break definitions as raw JSON on purpose
type Raw = Record<string, any>;
const foi = (): Raw => structuredClone(rawWorkflow('foi'));
const stage = (d: Raw, id: string) => d.stages.find((s: Raw) => s.id === id);
const indexOfStage = (d: Raw, id: string) => d.stages.findIndex((s: Raw) => s.id === id);
const errorsOf = (d: unknown): Problem[] => validateWorkflow(d).errors;

describe('the validator', () => {
  it('refuses malformed JSON and an empty object clearly', () => {
    expect(parseWorkflowJson('{ "id": "foi", ').errors).toEqual([
      {
        path: '(root)',
        code: 'malformed-json',
        message: expect.stringMatching(/^The file is not valid JSON: /),
      },
    ]);
    const empty = validateWorkflow({});
    expect(empty.valid).toBe(false);
    expect(empty.errors.map((e) => e.message)).toEqual([
      'id is missing: it is required.',
      'name is missing: it is required.',
      'regime is missing: it is required.',
      'initialStage is missing: it is required.',
      'stages is missing: it is required.',
    ]);
    expect(validateWorkflow([]).errors[0]?.message).toMatch(/is a JSON object/);
  });

  it('reports schema errors with their paths', () => {
    const d = foi();
    d.regime = 'gdpr';
    d.stages[0].transitions[0].event = 'start response';
    const messages = errorsOf(d).map((e) => `${e.path} ${e.code}`);
    expect(messages).toEqual(['regime schema', 'stages[0].transitions[0].event schema']);
  });

  it('finds duplicate stage ids', () => {
    const d = foi();
    d.stages[2].id = 'clarification';
    expect(errorsOf(d)).toContainEqual({
      path: 'stages[2].id',
      code: 'duplicate-id',
      message: 'Two stages have the id "clarification"; stage ids must be unique.',
    });
  });

  it('finds unknown targets', () => {
    const d = foi();
    const s = indexOfStage(d, 'response');
    stage(d, 'response').routes[0].to = 'reveiw-window';
    expect(errorsOf(d)).toContainEqual(
      expect.objectContaining({
        path: `stages[${s}].routes[0].to`,
        code: 'unknown-target',
        message: expect.stringMatching(
          /^Outcome "sent" of stage "response" goes to stage "reveiw-window", which does not exist\. Stages: "received"/,
        ),
      }),
    );
  });

  it('finds unknown actions, guards and letters, and bad parameters', () => {
    const d = foi();
    const t = stage(d, 'received').transitions[1];
    t.actions.push({ name: 'clock.explode' });
    t.actions.push({ name: 'letter.queue', params: { template: 'love-letter' } });
    t.actions.push({ name: 'clock.extend', params: { totalWorkingDays: -4, reason: 'x' } });
    t.guard = { name: 'moon.isFull' };
    const problems = errorsOf(d).map((e) => `${e.code}: ${e.message}`);
    expect(problems).toContainEqual(
      expect.stringMatching(/^unknown-action: Unknown action "clock.explode"\. Known actions: "clock.start"/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^unknown-letter: Unknown letter template "love-letter"\. Templates: "acknowledgement"/,
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^bad-params: Bad parameters for action "clock.extend": /),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^unknown-guard: Unknown guard "moon.isFull"/));
  });

  it('finds stages and steps that cannot be reached', () => {
    const d = foi();
    stage(d, 'received').routes = stage(d, 'received').routes.filter((r: Raw) => r.to !== 'fees');
    stage(d, 'received').steps = stage(d, 'received').steps.filter((s: Raw) => s.id !== 'fees');
    stage(d, 'received').transitions = stage(d, 'received').transitions.filter((t: Raw) => t.to !== 'fees');
    stage(d, 'response').transitions = stage(d, 'response').transitions.filter(
      (t: Raw) => t.id !== 'request-changes' && t.id !== 'submit-for-approval',
    );
    const problems = errorsOf(d);
    expect(problems).toContainEqual({
      path: `stages[${indexOfStage(d, 'fees')}]`,
      code: 'unreachable',
      message: 'Stage "fees" cannot be reached from the initial stage "received": no outcome routes to it.',
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'unreachable',
        message: 'Step "approval" of stage "response" cannot be reached from its first step "drafting".',
      }),
    );
  });

  it('finds non-final states with no way out', () => {
    const d = foi();
    stage(d, 'tribunal').transitions = [];
    expect(errorsOf(d)).toContainEqual(
      expect.objectContaining({
        code: 'dead-end',
        message:
          'Step "pending" of stage "tribunal" is not final and has no way out; add a transition from it or make it final.',
      }),
    );
    const routeless = foi();
    stage(routeless, 'compliance').routes = stage(routeless, 'compliance').routes.filter(
      (r: Raw) => r.outcome !== 'complied',
    );
    expect(errorsOf(routeless)).toContainEqual(
      expect.objectContaining({
        code: 'dead-end',
        message:
          'Outcome "complied" of stage "compliance" is not routed anywhere: the case would stop there. Route it to a stage.',
      }),
    );
  });

  it('finds loops with no exit', () => {
    const d = foi();
    // The tribunal's decision goes back to compliance, and compliance's outcomes only to the tribunal.
    for (const route of stage(d, 'tribunal').routes) route.to = 'compliance';
    for (const route of stage(d, 'compliance').routes) route.to = 'tribunal';
    expect(errorsOf(d)).toContainEqual({
      path: `stages[${indexOfStage(d, 'tribunal')}]`,
      code: 'no-exit',
      message: 'From stage "tribunal" no final stage can be reached: the stages loop with no exit.',
    });
  });

  it("requires the regime's statutory stages and deadline", () => {
    const d = foi();
    d.stages = d.stages.filter((s: Raw) => s.kind !== 'internal-review');
    expect(errorsOf(d)).toContainEqual({
      path: 'stages',
      code: 'missing-statutory-stage',
      message: 'A foi workflow needs a stage of kind "internal-review" (FOIA 2000 s.10(1) and its process).',
    });
    const noClock = foi();
    noClock.onCreate = noClock.onCreate.filter((a: Raw) => a.name !== 'clock.start');
    expect(errorsOf(noClock)).toContainEqual(
      expect.objectContaining({ path: 'onCreate', code: 'missing-statutory-deadline' }),
    );
    const wrongLimit = foi();
    wrongLimit.onCreate[0].params.workingDays = 30;
    expect(errorsOf(wrongLimit)).toContainEqual({
      path: 'onCreate',
      code: 'wrong-statutory-deadline',
      message:
        'FOIA 2000 s.10(1) sets the response deadline at 20 working days; the clock here starts with a different limit. A school, archive or armed-forces body with a longer lawful limit declares it with complianceVariation.',
    });
  });

  describe('lawful variations of the time limits (Time for Compliance Regulations 2004, FOISA s.21(2))', () => {
    const withLimit = (workingDays: number, complianceVariation?: string) => {
      const d = foi();
      d.onCreate[0].params.workingDays = workingDays;
      if (complianceVariation) d.complianceVariation = complianceVariation;
      return d;
    };
    const deadlineErrors = (d: Raw) => errorsOf(d).filter((e) => e.code === 'wrong-statutory-deadline');

    it('accepts a school’s 60 working days, an archive’s 30 and the armed forces’ 60 when declared', () => {
      expect(validateWorkflow(withLimit(60, 'maintained-school')).errors).toEqual([]);
      expect(validateWorkflow(withLimit(30, 'transferred-public-records')).errors).toEqual([]);
      expect(validateWorkflow(withLimit(60, 'armed-forces')).errors).toEqual([]);
      expect(validateWorkflow(withLimit(45, 'information-held-abroad')).errors).toEqual([]);
      expect(validateWorkflow(withLimit(20, 'maintained-school')).errors).toEqual([]);
    });

    it('still refuses an undeclared 25-day FOI limit, and a limit beyond the declared variation', () => {
      expect(deadlineErrors(withLimit(25))).toHaveLength(1);
      expect(deadlineErrors(withLimit(31, 'transferred-public-records'))).toEqual([
        {
          path: 'onCreate',
          code: 'wrong-statutory-deadline',
          message:
            'FOIA 2000 s.10(1) sets the response deadline at 20 working days, or up to 30 with the declared variation (SI 2004/3364 reg 4: transferred public records held by an archive: 30 working days); the clock here starts with a different limit.',
        },
      ]);
      expect(deadlineErrors(withLimit(15, 'maintained-school'))).toHaveLength(1);
    });

    it('refuses a variation declared for another regime, and an unknown one', () => {
      const sar: Raw = structuredClone(rawWorkflow('sar'));
      sar.complianceVariation = 'maintained-school';
      expect(errorsOf(sar)).toContainEqual({
        path: 'complianceVariation',
        code: 'wrong-compliance-variation',
        message:
          'The variation "maintained-school" (SI 2004/3364 reg 3 (as amended)) applies to foi workflows, not sar.',
      });
      expect(errorsOf(withLimit(20, 'lighthouse')).map((e) => e.code)).toEqual(['schema']);
    });

    it('lets the Keeper of the Records answer a FOISA review in 30 working days, and nobody else', () => {
      const foisa: Raw = structuredClone(rawWorkflow('foisa'));
      const reviewDue = (d: Raw) => {
        // The review deadline is set in one place: on entering the review stage.
        for (const s of d.stages)
          for (const a of s.onEntry ?? [])
            if (a.name === 'deadline.set' && a.params.name === 'reviewDue') return a;
        throw new Error('no reviewDue');
      };
      reviewDue(foisa).params.workingDays = 30;
      expect(errorsOf(foisa)).toContainEqual(
        expect.objectContaining({
          code: 'wrong-statutory-deadline',
          message:
            'FOISA 2002 s.21(1) sets the review deadline at 20 working days; this review deadline differs.',
        }),
      );
      foisa.complianceVariation = 'keeper-of-the-records';
      expect(validateWorkflow(foisa).errors).toEqual([]);
    });
  });

  it('checks an EISR workflow against the Scottish regulations: review answered within 20 working days', () => {
    const eisr: Raw = structuredClone(rawWorkflow('eir'));
    eisr.regime = 'eisr';
    expect(errorsOf(eisr)).toEqual([
      expect.objectContaining({
        code: 'wrong-statutory-deadline',
        message:
          'EISR 2004 reg 16(4) sets the review deadline at 20 working days; this review deadline differs.',
      }),
    ]);
    for (const s of eisr.stages)
      for (const a of s.onEntry ?? [])
        if (a.name === 'deadline.set' && a.params.name === 'reviewDue') a.params.workingDays = 20;
    expect(validateWorkflow(eisr).errors).toEqual([]);
  });

  describe('clock.extend totals', () => {
    const extend = (regime: string) => {
      const d: Raw = structuredClone(rawWorkflow(regime));
      for (const s of d.stages)
        for (const t of s.transitions)
          for (const a of t.actions) if (a.name === 'clock.extend') return { d, params: a.params };
      throw new Error(`no clock.extend in ${regime}`);
    };

    it('accepts the built-in 40-working-day and 3-month totals', () => {
      for (const regime of ['foi', 'eir', 'sar'])
        expect(validateWorkflow(extend(regime).d).errors).toEqual([]);
    });

    it('refuses a 60-working-day public-interest extension and a 50-working-day reg 7 extension', () => {
      const foiExtension = extend('foi');
      foiExtension.params.totalWorkingDays = 60;
      expect(errorsOf(foiExtension.d)).toContainEqual(
        expect.objectContaining({
          code: 'wrong-statutory-extension',
          message:
            'The extension sets 60 working days in total; the law allows at most 40 working days (FOIA s.10(3) as the ICO reads it: no more than 20 further working days).',
        }),
      );
      const eirExtension = extend('eir');
      eirExtension.params.totalWorkingDays = 50;
      expect(errorsOf(eirExtension.d).map((e) => e.code)).toContain('wrong-statutory-extension');
    });

    it('refuses a SAR extension beyond three months or counted in working days', () => {
      const months = extend('sar');
      months.params.totalMonths = 4;
      expect(errorsOf(months.d).map((e) => e.message)).toContain(
        'The extension sets 4 calendar months in total; the law allows at most 3 calendar months (UK GDPR Art 12(3): two further months, three in total).',
      );
      const days = extend('sar');
      delete days.params.totalMonths;
      days.params.totalWorkingDays = 40;
      expect(errorsOf(days.d).map((e) => e.code)).toContain('wrong-statutory-extension');
    });

    it('refuses any extension in a FOISA workflow', () => {
      const d: Raw = structuredClone(rawWorkflow('foisa'));
      const received = stage(d, 'received');
      received.transitions[0].actions.push({
        name: 'clock.extend',
        params: { totalWorkingDays: 40, reason: 'public interest' },
      });
      expect(errorsOf(d)).toContainEqual(
        expect.objectContaining({
          code: 'wrong-statutory-extension',
          message: 'FOISA has no extension of the 20 working days: remove this clock.extend.',
        }),
      );
    });

    it('lets a declared school variation extend to its own limit plus 20 working days', () => {
      const { d, params } = extend('foi');
      d.complianceVariation = 'maintained-school';
      d.onCreate[0].params.workingDays = 60;
      params.totalWorkingDays = 80;
      expect(validateWorkflow(d).errors).toEqual([]);
      params.totalWorkingDays = 81;
      expect(errorsOf(d).map((e) => e.code)).toEqual(['wrong-statutory-extension']);
    });
  });

  it('finds inputs that guards and records read but the event does not ask for, and choices with no options', () => {
    const d = foi();
    const t = stage(d, 'received').transitions[1];
    t.actions.push({ name: 'case.record', params: { fields: ['shoeSize'] } });
    t.inputs.push({ name: 'colour', label: 'Colour', type: 'choice', required: true });
    const codes = errorsOf(d).map((e) => e.code);
    expect(codes).toContain('unknown-input');
    expect(codes).toContain('missing-options');
  });

  it('keeps warnings apart from errors', () => {
    const d = foi();
    stage(d, 'received').transitions.push({
      id: 'nudge',
      event: 'NUDGE',
      label: 'Nudge',
      from: 'assessing',
      roles: ['system'],
      actions: [{ name: 'record.set', params: { field: 'nudged', value: true } }],
    });
    const result = validateWorkflow(d);
    expect(result.valid).toBe(true);
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'never-sent' }));
  });
});
