import { type FormEvent, useState } from 'react';
import { Message } from '../components/Message';
import { showDate } from '../format';
import { graphql } from '../gql';
import type { HolidayChangeInput, HolidayChangePreviewQuery } from '../gql/graphql';
import { request, useQuery } from '../graphql';

const HolidaysQuery = graphql(`
  query Holidays {
    holidays { date title divisions removed createdAt }
    nations { nation name }
  }
`);

const HolidayChangePreviewDocument = graphql(`
  query HolidayChangePreview($changes: [HolidayChangeInput!]!) {
    holidayChangePreview(changes: $changes) { caseId reference changes { name label from to } }
  }
`);

const AddHolidayMutation = graphql(`
  mutation AddHoliday($input: AddHolidayInput!) {
    addHoliday(input: $input) { casesRecomputed }
  }
`);

const RemoveHolidayMutation = graphql(`
  mutation RemoveHoliday($input: RemoveHolidayInput!) {
    removeHoliday(input: $input) { casesRecomputed }
  }
`);

const MoveHolidayMutation = graphql(`
  mutation MoveHoliday($input: MoveHolidayInput!) {
    moveHoliday(input: $input) { casesRecomputed }
  }
`);

type Action = 'add' | 'remove' | 'move';

/** What the administrator proposes, as the form holds it. */
interface Proposal {
  action: Action;
  date: string;
  to: string;
  title: string;
  divisions: string[];
}

/** The proposal as the changes the api applies, in order (a move is a removal then an addition). */
function changesOf(p: Proposal): HolidayChangeInput[] {
  if (p.action === 'add') return [{ date: p.date, title: p.title, divisions: p.divisions, removed: false }];
  if (p.action === 'remove') return [{ date: p.date, title: p.title, divisions: p.divisions, removed: true }];
  return [
    { date: p.date, title: `${p.title} moved to ${p.to}`, divisions: p.divisions, removed: true },
    { date: p.to, title: p.title, divisions: p.divisions, removed: false },
  ];
}

/** Sends the proposal; returns how many open cases' deadlines moved. */
async function confirm(p: Proposal): Promise<number> {
  if (p.action === 'add') {
    return (
      await request(AddHolidayMutation, { input: { date: p.date, title: p.title, divisions: p.divisions } })
    ).addHoliday.casesRecomputed;
  }
  if (p.action === 'remove') {
    return (
      await request(RemoveHolidayMutation, {
        input: { date: p.date, reason: p.title, divisions: p.divisions },
      })
    ).removeHoliday.casesRecomputed;
  }
  return (
    await request(MoveHolidayMutation, {
      input: { from: p.date, to: p.to, title: p.title, divisions: p.divisions },
    })
  ).moveHoliday.casesRecomputed;
}

const ACTIONS: { value: Action; label: string }[] = [
  { value: 'add', label: 'Add a proclaimed holiday' },
  { value: 'remove', label: 'Remove a bank holiday (a working day again)' },
  { value: 'move', label: 'Move a bank holiday to another date' },
];

/** Administrators change the bank holidays after a proclamation, seeing first which cases move. */
export function Holidays() {
  const { result, reload } = useQuery(HolidaysQuery);
  const [action, setAction] = useState<Action>('add');
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [preview, setPreview] = useState<HolidayChangePreviewQuery['holidayChangePreview'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function showPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const next: Proposal = {
      action,
      date: value('date'),
      to: value('to'),
      title: value('title'),
      divisions: form.getAll('divisions').map(String),
    };
    setError(null);
    setDone(null);
    setPreview(null);
    try {
      const { holidayChangePreview } = await request(HolidayChangePreviewDocument, {
        changes: changesOf(next),
      });
      setProposal(next);
      setPreview(holidayChangePreview);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  async function apply() {
    if (!proposal) return;
    setBusy(true);
    setError(null);
    try {
      const moved = await confirm(proposal);
      setDone(`Done: ${moved === 1 ? '1 open case' : `${moved} open cases`} had deadlines recomputed.`);
      setProposal(null);
      setPreview(null);
      reload();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const nations = result.state === 'ready' ? result.data.nations : [];
  return (
    <>
      <h1>Holidays</h1>
      <p>
        Bank holidays follow gov.uk's published lists. When a holiday is proclaimed, moved or cancelled,
        record it here: every open case's deadlines are recomputed, and each change goes into the case's
        history.
      </p>
      <form className="panel form" aria-label="Change the bank holidays" onSubmit={showPreview}>
        <h2>Change the bank holidays</h2>
        <fieldset>
          <legend>What happened</legend>
          <div className="checkboxes">
            {ACTIONS.map((a) => (
              <label key={a.value} className="inline">
                <input
                  type="radio"
                  name="action"
                  value={a.value}
                  checked={action === a.value}
                  onChange={() => {
                    setAction(a.value);
                    setPreview(null);
                    setProposal(null);
                  }}
                />{' '}
                {a.label}
              </label>
            ))}
          </div>
        </fieldset>
        <label>
          {action === 'move' ? 'Moved from' : action === 'remove' ? 'Bank holiday to remove' : 'Date'}
          <input type="date" name="date" required />
        </label>
        {action === 'move' && (
          <label>
            Moved to
            <input type="date" name="to" required />
          </label>
        )}
        <label>
          {action === 'remove' ? 'Why (e.g. moved to 8 May by proclamation)' : "The holiday's title"}
          <input name="title" required />
        </label>
        <fieldset>
          <legend>Where</legend>
          <div className="checkboxes">
            {nations.map((n) => (
              <label key={n.nation} className="inline">
                <input type="checkbox" name="divisions" value={n.nation} /> {n.name}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit">Preview the cases it moves</button>
        </div>
      </form>
      {error && (
        <Message kind="alert" focusKey={error}>
          {error}
        </Message>
      )}
      {done && (
        <Message kind="status" focusKey={done}>
          {done}
        </Message>
      )}
      {preview && (
        <section className="panel" aria-label="Cases this change moves">
          <h2>Cases this change moves</h2>
          {preview.length === 0 ? (
            <p>No open case's deadline moves.</p>
          ) : (
            <table className="cases">
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">Deadline</th>
                  <th scope="col">Now</th>
                  <th scope="col">Becomes</th>
                </tr>
              </thead>
              <tbody>
                {preview.flatMap((c) =>
                  c.changes.map((d) => (
                    <tr key={`${c.caseId}-${d.name}`}>
                      <td>{c.reference}</td>
                      <td>{d.label}</td>
                      <td>{showDate(d.from)}</td>
                      <td>{showDate(d.to)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          )}
          <div className="actions">
            <button type="button" onClick={apply} disabled={busy}>
              Confirm the change
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setPreview(null);
                setProposal(null);
              }}
            >
              Cancel
            </button>
          </div>
        </section>
      )}
      <h2>Changes made here</h2>
      {result.state === 'loading' && <p aria-live="polite">Loading the holidays…</p>}
      {result.state === 'error' && (
        <p role="alert" className="error">
          {result.message}
        </p>
      )}
      {result.state === 'ready' && result.data.holidays.length === 0 && (
        <p>None yet: the published bank holidays apply as they are.</p>
      )}
      {result.state === 'ready' && result.data.holidays.length > 0 && (
        <table className="cases" aria-label="Holiday changes">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Change</th>
              <th scope="col">Title or reason</th>
              <th scope="col">Where</th>
            </tr>
          </thead>
          <tbody>
            {result.data.holidays.map((h) => (
              <tr key={`${h.date}-${h.title}`}>
                <td>{showDate(h.date)}</td>
                <td>{h.removed ? 'a working day again' : 'holiday added'}</td>
                <td>{h.title}</td>
                <td>{h.divisions.map((d) => nations.find((n) => n.nation === d)?.name ?? d).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
