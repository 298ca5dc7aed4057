// Letter generation for one case stage: fill the template, then render PDF and DOCX; beside the bare template fill.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { letterData } = require('../../apps/api/dist/letters/letter-data.js');
const { letterDocx, letterPdf } = require('../../apps/api/dist/letters/letter-documents.js');
const { builtInTemplate, fillTemplate } = require('../../apps/api/dist/letters/letter-template.js');

const context = {
  regime: 'foi',
  receivedOn: '2026-01-14',
  now: '2026-01-16',
  clock: { events: [], limit: { workingDays: 20 }, label: 'Response due' },
  deadlines: {},
  record: {
    outcome: 'granted-in-full',
    held: true,
    answers: [
      { question: 'The first question.', answer: 'The first answer.' },
      { question: 'The second question.', answer: 'The second answer.' },
    ],
  },
  timers: {},
  letters: [],
};
const letter = {
  reference: 'FOI-2026-000001',
  regime: 'foi',
  requestText: 'First question?\n\nSecond question?',
  requesterName: 'Sam',
  context,
};
const authority = {
  name: 'London Borough of Example',
  team: 'Information Team',
  email: 'foi@example.gov.uk',
  address: '1 High Street',
};

async function time(label, runs, fn) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(52)} median ${times[Math.floor(runs / 2)].toFixed(1).padStart(6)} ms, worst ${times.at(-1).toFixed(1)} ms`,
  );
}

export default async function run() {
  const template = builtInTemplate('response');
  const text = () => fillTemplate(template, letterData(letter, authority, '2026-01-16'));
  await time('letter for a case stage: text + PDF + DOCX', 20, async () => {
    const filled = text();
    await Promise.all([letterPdf(filled, 'Response'), letterDocx(filled)]);
  });
  await time('baseline: template fill only', 20, async () => text());
}
