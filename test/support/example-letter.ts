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

/** The council's answers, each under its own question. */
export const EXAMPLE_ANSWERS = [
  {
    question:
      'Please can you tell me how many CCTV cameras the local authority operates and how many of these are produced by Chinese companies. Please can you show this as two figures.',
    answer:
      'Please see link to our public website which provides the details on the number of cameras operated [CCTV | Barnet Council](#). The council do not operate any Chinese manufactured cameras.',
  },
  {
    question:
      "Please also provide the total number of the council's CCTV cameras that use either live or retrospective facial recognition and how many of these are produced by Chinese companies.",
    answer: "The council do not use either 'live' or 'retrospective' facial recognition technology.",
  },
];

/** The letter's titled sections after the answers. */
export const EXAMPLE_SECTIONS = [
  {
    title: 'Further information',
    text: "If you are interested in the data that the council holds you may wish to visit Open Barnet, the council's data portal. This brings together all our published datasets and other information of interest on one searchable database for anyone, anywhere to access. <http://open.barnet.gov.uk/>",
  },
  {
    title: 'Advice and Assistance : Direct Marketing',
    text: [
      'If you are a company that intends to use the names and contact details of council officers (or other officers) provided in this response for direct marketing, you need to be registered with the Information Commissioner to process personal data for this purpose. You must also check that the individual (whom you wish to contact for direct marketing purposes) is not registered with one of the Preference Services to prevent Direct Marketing. If they are you must adhere to this preference.',
      'You must also ensure you comply with the Privacy Electronic and Communications Regulations (PECR). For more information follow this Link www.ico.org.uk',
      "For the avoidance of doubt the provision of council (and other) officer names and contact details under FOI does not give consent to receive direct marketing via any media and expressly does not constitute a 'soft opt-in' under PECR.",
    ].join('\n\n'),
  },
];

/** The response event's payload as the officer fills it for the example request. */
export const EXAMPLE_RESPONSE = {
  outcome: 'granted-in-full',
  answers: EXAMPLE_ANSWERS,
  sections: EXAMPLE_SECTIONS,
  held: true,
};

/**
 * The real council letter (example-foi-response.txt), section by section, as the generated letter must
 * have it: a heading, then its paragraphs, in order. The review date is the case's own deadline.
 */
export const EXAMPLE_LETTER_SECTIONS: { heading: string | null; paragraphs: string[] }[] = [
  {
    heading: null,
    paragraphs: [
      '16 January 2026',
      'Our ref: 16336160',
      'Thank you for your request received on 14 January 2026, for the following information:',
      ...EXAMPLE_REQUEST.split('\n\n'),
      'We have processed this request under the Freedom of Information Act 2000.',
    ],
  },
  {
    heading: 'Response',
    paragraphs: [
      'London Borough of Barnet holds the information requested and the answers to your questions are below.',
      ...EXAMPLE_ANSWERS.flatMap(({ question, answer }) => [question, answer]),
    ],
  },
  ...EXAMPLE_SECTIONS.map(({ title, text }) => ({ heading: title, paragraphs: text.split('\n\n') })),
  {
    heading: 'Your rights',
    paragraphs: [
      'If you are unhappy with the way your request for information has been handled, you can request a review within the next 40 working days, that is by 13 March 2026, by writing to the Information Management Team at: foi@barnet.gov.uk. Or by post to Records & Information Management Service, Assurance Group, London Borough of Barnet, 2 Bristol Avenue, Colindale, NW9 4EW.',
      "If, having exhausted our review procedure, you remain dissatisfied with the handling of your request or complaint, you will have a right to appeal to the Information Commissioner at: The Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF (telephone: 0303 123 1113; website www.ico.org.uk). There is no charge for making an appeal.",
    ],
  },
];

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
      payload: EXAMPLE_RESPONSE,
    },
    '2026-01-16',
  ).snapshot;
  snapshot = step(definition, snapshot, { type: 'APPROVE_RESPONSE' }, '2026-01-16').snapshot;
  snapshot = step(
    definition,
    snapshot,
    { type: 'RESPONSE_SENT', payload: { letter: 'response', channel: 'email' } },
    '2026-01-16',
  ).snapshot;
  return {
    reference: '16336160',
    regime: 'foi',
    requestText: EXAMPLE_REQUEST,
    requesterName: 'Sam Requester',
    context: snapshot.context,
    stage: 'review-window',
  };
}
