import { describe, expect, it } from 'vitest';
import { labelsOf } from './definitions';
import { builtIn } from './editor/test-support/workflows';

describe('ids a case records, named as the workflow definition names them', () => {
  const labels = labelsOf(builtIn('foi'));

  it('names stages, steps and outcomes by their labels', () => {
    expect(labels.stage('clarification')).toBe('Clarification');
    expect(labels.stage('review-window')).toBe('Awaiting any internal review request');
    expect(labels.step('assessing')).toBe('Assessing');
    expect(labels.outcome('granted-in-full')).toBe('Information provided in full');
  });

  it('says an id the definition does not name in words, never raw', () => {
    expect(labels.stage('legal-review')).toBe('Legal review');
    expect(labels.outcome('some-new-outcome')).toBe('Some new outcome');
    expect(labels.event('CLARIFICATION_RECEIVED')).toBe('Clarification received');
    expect(labelsOf(undefined).stage('internal-review')).toBe('Internal review');
  });
});
