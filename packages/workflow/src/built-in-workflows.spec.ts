import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageEdges, validateWorkflow, workflowJsonSchema } from './index';
import { BUILT_INS, builtIn, rawWorkflow, WORKFLOWS_DIR } from './test-support/built-ins';

describe('the built-in workflows', () => {
  for (const name of BUILT_INS) {
    it(`${name}.json validates with no errors and names the schema`, () => {
      const result = validateWorkflow(rawWorkflow(name));
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
      expect(rawWorkflow(name).$schema).toBe('./schema.json');
    });

    it(`${name}.json: every stage is reachable and every stage can reach closure`, () => {
      const definition = builtIn(name);
      const edges = stageEdges(definition);
      const reach = (from: string) => {
        const seen = new Set([from]);
        const queue = [from];
        while (queue.length)
          for (const next of edges.get(queue.shift() as string) ?? [])
            if (!seen.has(next) && seen.add(next)) queue.push(next);
        return seen;
      };
      const fromStart = reach(definition.initialStage);
      const finals = definition.stages.filter((s) => s.final).map((s) => s.id);
      for (const stage of definition.stages) {
        expect(fromStart.has(stage.id), `${stage.id} reachable`).toBe(true);
        expect(
          [...reach(stage.id)].some((id) => finals.includes(id)),
          `${stage.id} can close`,
        ).toBe(true);
      }
    });
  }

  it('workflows/schema.json is the JSON Schema the code generates (regenerate: pnpm --silent recordflow workflow-schema > workflows/schema.json)', () => {
    const committed = JSON.parse(readFileSync(join(WORKFLOWS_DIR, 'schema.json'), 'utf8'));
    expect(committed).toEqual(workflowJsonSchema());
  });

  it('the FOI workflow has every stage of the FOIA process', () => {
    const kinds = new Set(builtIn('foi').stages.map((s) => s.kind));
    for (const kind of [
      'received',
      'clarification',
      'fees',
      'cost-limit',
      'public-interest',
      'response',
      'internal-review',
      'regulator',
      'tribunal',
      'closed',
    ]) {
      expect(kinds.has(kind as never), kind).toBe(true);
    }
    expect(builtIn('eir').stages.some((s) => s.kind === 'cost-limit')).toBe(false);
    expect(builtIn('foisa').stages.some((s) => s.kind === 'public-interest')).toBe(false);
  });
});
