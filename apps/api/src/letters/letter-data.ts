import { addWorkingDays, type CalendarOptions, describeRegime, type Regime } from '@recordflow/calendar';
import { type CaseContext, exemptionsFor } from '@recordflow/workflow';

export interface AuthoritySettings {
  name: string;
  team: string;
  email: string;
  address: string;
}

/** The Information Commissioner's Office, as every FOI/EIR response must name it. */
export const ICO = {
  name: "The Information Commissioner's Office",
  address: 'Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF',
  telephone: '0303 123 1113',
  website: 'www.ico.org.uk',
};

const SCOTTISH_COMMISSIONER = {
  name: 'The Scottish Information Commissioner',
  address: 'Kinburn Castle, Doubledykes Road, St Andrews, Fife, KY16 9DS',
  telephone: '01334 464610',
  website: 'www.foi.scot',
};

const LAW: Record<Regime, string> = {
  foi: 'Freedom of Information Act 2000',
  eir: 'Environmental Information Regulations 2004',
  foisa: 'Freedom of Information (Scotland) Act 2002',
  eisr: 'Environmental Information (Scotland) Regulations 2004',
  sar: 'UK General Data Protection Regulation (Article 15)',
};

const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

// The request's own paragraph asking for section 16 advice if section 12 applies is not a question to answer.
const isSection12Request = (paragraph: string) =>
  /section 12/i.test(paragraph) && /section 16/i.test(paragraph);

export interface LetterCase {
  reference: string;
  regime: Regime;
  requestText: string;
  requesterName: string | null;
  context: CaseContext;
}

/** Everything a letter template may use, computed from the case: nothing typed in twice. */
export function letterData(
  letter: LetterCase,
  authority: AuthoritySettings,
  letterDate: string,
  calendar: CalendarOptions = {},
) {
  const record = letter.context.record;
  const request = paragraphs(letter.requestText);
  const questions = request.filter((p) => !isSection12Request(p));
  const answers = paragraphs(String(record.answers ?? record.adviceAndAssistance ?? ''));
  const asked12 = request.some(isSection12Request);
  const costLimit = record.refusalBasis === 'cost-limit';
  const cited = Array.isArray(record.exemptions) ? (record.exemptions as string[]) : [];
  const titles = new Map(exemptionsFor(letter.regime).map((e) => [e.code, e.title]));
  const reviewWorkingDays = 40;
  const due = (name: string) => {
    const date = letter.context.deadlines[name]?.due;
    return date ? longDate(date) : 'a date we will confirm';
  };
  const text = (field: string) => (record[field] === undefined ? '' : String(record[field]));
  return {
    letterDate: longDate(letterDate),
    reference: letter.reference,
    receivedOn: longDate(letter.context.receivedOn),
    law: LAW[letter.regime],
    held: record.held !== false,
    requester: { name: letter.requesterName ?? 'Requester' },
    requestParagraphs: request,
    questions: questions.map((question, i) => ({ question, answer: answers[i] ?? answers.at(-1) ?? '' })),
    section12: costLimit
      ? `Complying with your request would exceed the cost limit in section 12 of the Act. Under section 16 we advise that you could refine it as follows: ${String(record.adviceAndAssistance ?? '')}`
      : asked12
        ? 'You asked for advice and assistance under section 16 should the cost limit in section 12 apply. We were able to answer within the cost limit, so it did not arise.'
        : '',
    exemptions: cited.map((code) => ({
      code,
      title: titles.get(code) ?? '',
      reason: String(record.exemptionReasons ?? ''),
    })),
    reviewWorkingDays,
    dueDate: due('response'),
    reviewDue: due('reviewDue'),
    record: Object.fromEntries(
      [
        'clarificationQuestion',
        'feeAmount',
        'feeBreakdown',
        'estimatedHours',
        'adviceAndAssistance',
        'extensionReason',
        'reviewOutcome',
        'reviewReasons',
      ].map((field) => [field, text(field)]),
    ),
    reviewRequestBy: longDate(
      addWorkingDays(
        letter.regime === 'sar' ? 'foi' : letter.regime,
        letterDate,
        reviewWorkingDays,
        calendar,
      ),
    ),
    authority,
    ico:
      describeRegime(letter.regime).regulator === 'Scottish Information Commissioner'
        ? SCOTTISH_COMMISSIONER
        : ICO,
  };
}
