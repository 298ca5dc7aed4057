import { addCalendarDays } from '@recordflow/calendar';
import type { Actor } from '../auth/current-user';
import { actorOf, type CasesService } from '../cases/cases.service';
import { ukToday } from '../common/dates';

interface DemoCase {
  workflowId: string;
  receivedOn: string;
  subject: string;
  requestText: string;
  requester: { name: string; email?: string; address?: string };
  events: { type: string; on: string; payload?: Record<string, unknown> }[];
}

const EXAMPLE_QUESTIONS =
  'Please can you tell me how many CCTV cameras the local authority operates and how many of these are produced by Chinese companies. Please can you show this as two figures.\n\n' +
  "Please also provide the total number of the council's CCTV cameras that use either live or retrospective facial recognition and how many of these are produced by Chinese companies.\n\n" +
  'If it is not possible to provide the information requested due to the information exceeding the cost of compliance limits identified in Section 12, please provide advice and assistance, under the Section 16 obligations of the Act, as to how I can refine my request.';

const EXAMPLE_ANSWERS = [
  {
    question:
      'Please can you tell me how many CCTV cameras the local authority operates and how many of these are produced by Chinese companies. Please can you show this as two figures.',
    answer:
      'Please see link to our public website which provides the details on the number of cameras operated. The council do not operate any Chinese manufactured cameras.',
  },
  {
    question:
      "Please also provide the total number of the council's CCTV cameras that use either live or retrospective facial recognition and how many of these are produced by Chinese companies.",
    answer: "The council do not use either 'live' or 'retrospective' facial recognition technology.",
  },
];

/** The demo cases: the example response letter's request (awaiting an approver: approver@example.org), and a handful in other stages, dated around today. */
function demoCases(today: string): DemoCase[] {
  const ago = (days: number) => addCalendarDays(today, -days);
  return [
    {
      workflowId: 'foi',
      receivedOn: '2026-01-14',
      subject: 'CCTV cameras and facial recognition',
      requestText: EXAMPLE_QUESTIONS,
      requester: { name: 'Sam Requester', email: 'sam.requester@example.net' },
      events: [
        { type: 'START_RESPONSE', on: '2026-01-16' },
        {
          type: 'SUBMIT_FOR_APPROVAL',
          on: '2026-01-16',
          payload: { outcome: 'granted-in-full', answers: EXAMPLE_ANSWERS, held: true },
        },
      ],
    },
    {
      workflowId: 'foi',
      receivedOn: ago(2),
      subject: 'Pothole repair spending by ward',
      requestText: 'How much did the council spend repairing potholes in each ward in 2025?',
      requester: { name: 'Priya Patel', email: 'priya@example.net' },
      events: [],
    },
    {
      workflowId: 'foi',
      receivedOn: ago(9),
      subject: 'Agency staff costs',
      requestText: 'Please provide all information about agency staff.',
      requester: { name: 'Jo Bloggs', email: 'jo@example.net' },
      events: [
        {
          type: 'REQUEST_CLARIFICATION',
          on: ago(7),
          payload: { clarificationQuestion: 'Which departments and which years do you mean?' },
        },
      ],
    },
    {
      workflowId: 'foi',
      receivedOn: ago(40),
      subject: 'Parking enforcement contract',
      requestText: 'A copy of the current parking enforcement contract and its pricing schedule.',
      requester: { name: 'Local News Desk', email: 'news@example.org' },
      events: [{ type: 'START_RESPONSE', on: ago(38) }],
    },
    {
      workflowId: 'eir',
      receivedOn: ago(12),
      subject: 'Air quality monitoring data near schools',
      requestText: 'Nitrogen dioxide readings from every monitor within 500 m of a school, 2020–2025.',
      requester: { name: 'Clean Air Group', email: 'info@cleanair.example.org' },
      events: [
        { type: 'START_RESPONSE', on: ago(10) },
        {
          type: 'EXTEND_COMPLEX_AND_VOLUMINOUS',
          on: ago(8),
          payload: {
            extensionReason: 'Six years of readings from 40 monitors must be extracted and checked.',
          },
        },
      ],
    },
    {
      workflowId: 'foisa',
      receivedOn: ago(5),
      subject: 'Bin collection missed-collection complaints',
      requestText: 'Number of missed bin collection complaints per month in 2025.',
      requester: { name: 'Ailsa Campbell', address: '12 High Street, Perth' },
      events: [],
    },
    {
      workflowId: 'sar',
      receivedOn: ago(6),
      subject: 'Subject access: housing file',
      requestText: 'A copy of all personal data the council holds about me in its housing records.',
      requester: { name: 'Morgan Lee', email: 'morgan@example.net' },
      events: [{ type: 'START_RESPONSE', on: ago(5) }],
    },
  ];
}

/** Creates the demo cases through the engine, so each has a real, verifiable history; subject access requests go to sarTeamId's queue. */
export async function loadDemoCases(
  cases: CasesService,
  officer: Actor,
  sarTeamId?: string,
): Promise<number> {
  const actor = actorOf(officer);
  const list = demoCases(ukToday());
  for (const demo of list) {
    const created = await cases.create(officer, {
      workflowId: demo.workflowId,
      receivedOn: demo.receivedOn,
      channel: demo.requester.address ? 'post' : 'email',
      subject: demo.subject,
      requestText: demo.requestText,
      requester: demo.requester,
    });
    if (demo.workflowId === 'sar' && sarTeamId)
      await cases.assign(officer, { caseId: created.id, assigneeId: null, teamId: sarTeamId });
    for (const event of demo.events) {
      await cases.send(actor, {
        caseId: created.id,
        type: event.type,
        payload: event.payload,
        effectiveOn: event.on,
      });
    }
  }
  return list.length;
}
