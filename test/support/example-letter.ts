import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initialSnapshot, step, validateWorkflow, type WorkflowDefinition } from '@recordflow/workflow';
import type { LetterCase } from '../../apps/api/src/letters/letter-data';

/** A council's real FOI request (received 14 January 2026), as the requester wrote it. */
export const EXAMPLE_REQUEST = [
  'Please can you tell me how many CCTV cameras the local authority operates and how many of these are produced by Chinese companies. Please can you show this as two figures.',
  "Please also provide the total number of the council's CCTV cameras that use either live or retrospective facial recognition and how many of these are produced by Chinese companies.",
  'If it is not possible to provide the information requested due to the information exceeding the cost of compliance limits identified in Section 12, please provide advice and assistance, under the Section 16 obligations of the Act, as to how I can refine my request.',
].join('\n\n');

export const EXAMPLE_ANSWERS = [
  'Please see link to our public website which provides the details on the number of cameras operated. The council do not operate any Chinese manufactured cameras.',
  "The council do not use either 'live' or 'retrospective' facial recognition technology.",
].join('\n\n');

export const BARNET = {
  name: 'London Borough of Barnet',
  team: 'Information Management Team',
  email: 'foi@barnet.gov.uk',
  address:
    'Records & Information Management Service, Assurance Group, London Borough of Barnet, 2 Bristol Avenue, Colindale, NW9 4EW',
};

/** The example request run through foi.json: received 14 Jan 2026, answered in full on 16 Jan. */
export function exampleLetterCase(): LetterCase {
  const definition = validateWorkflow(
    JSON.parse(readFileSync(join(__dirname, '../../workflows/foi.json'), 'utf8')),
  ).definition as WorkflowDefinition;
  let snapshot = initialSnapshot(definition, { receivedOn: '2026-01-14' }).snapshot;
  snapshot = step(definition, snapshot, { type: 'START_RESPONSE' }, '2026-01-16').snapshot;
  snapshot = step(
    definition,
    snapshot,
    {
      type: 'SUBMIT_FOR_APPROVAL',
      payload: { outcome: 'granted-in-full', answers: EXAMPLE_ANSWERS, held: true },
    },
    '2026-01-16',
  ).snapshot;
  snapshot = step(definition, snapshot, { type: 'APPROVE_AND_SEND' }, '2026-01-16').snapshot;
  return {
    reference: '16336160',
    regime: 'foi',
    requestText: EXAMPLE_REQUEST,
    requesterName: 'Sam Requester',
    context: snapshot.context,
  };
}
