import type { CalendarOptions, Division } from '@recordflow/calendar';
import {
  type AllowedEvent,
  allowedEvents,
  describeState,
  initialSnapshot,
  step,
  type WorkflowDefinition,
} from '@recordflow/workflow';
import { useEffect, useMemo, useState } from 'react';
import { EventForm } from '../components/EventForm';
import { humanize, showDate, ukToday } from '../format';
import { graphql } from '../gql';
import { request } from '../graphql';
import { useEditor } from './store';

const HolidaysQuery = graphql(`
  query SimulatorHolidays { holidays { date title divisions } }
`);

// A simulated case may be sent what officers, administrators and timers send.
const SIMULATED_ROLES = ['officer', 'admin', 'system'];

/** Runs events through the draft in the browser, with the same pure engine the server uses; nothing is saved. */
export function Simulator({ valid }: { valid: boolean }) {
  const definition = useEditor((s) => s.definition);
  const simulation = useEditor((s) => s.simulation);
  const setSimulation = useEditor((s) => s.setSimulation);
  const [receivedOn, setReceivedOn] = useState(ukToday());
  const [chosen, setChosen] = useState<AllowedEvent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [calendar, setCalendar] = useState<CalendarOptions>({});

  // The authority's run-time holidays count too, so simulated deadlines are the ones a real case gets.
  useEffect(() => {
    request(HolidaysQuery).then(
      ({ holidays }) =>
        setCalendar({
          extraHolidays: holidays.map((h) => ({ ...h, divisions: h.divisions as Division[] })),
        }),
      () => setCalendar({}),
    );
  }, []);

  const state = useMemo(() => {
    if (!simulation) return null;
    try {
      return describeState(definition, simulation.snapshot);
    } catch {
      return null;
    }
  }, [definition, simulation]);

  if (!valid)
    return (
      <section aria-label="Simulate">
        <h2>Simulate</h2>
        <p>Fix the errors listed under the canvas first: only a valid workflow can run.</p>
      </section>
    );

  function start(definition: WorkflowDefinition) {
    setError(null);
    setChosen(null);
    try {
      const { snapshot } = initialSnapshot(definition, { receivedOn, calendar });
      setSimulation({ receivedOn, snapshot, log: [] });
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  async function send(event: AllowedEvent, payload: Record<string, unknown>, on: string) {
    if (!simulation) return;
    const { snapshot } = step(definition, simulation.snapshot, { type: event.type, payload, at: on }, on, {
      roles: SIMULATED_ROLES,
      calendar,
    });
    const after = describeState(definition, snapshot);
    setSimulation({
      ...simulation,
      snapshot,
      log: [
        ...simulation.log,
        { type: event.type, label: event.label, on, stage: `${after.stageLabel} (${after.stepLabel})` },
      ],
    });
    setChosen(null);
  }

  const events = simulation && state ? allowedEvents(definition, simulation.snapshot, SIMULATED_ROLES) : [];
  const context = simulation?.snapshot.context;
  return (
    <section aria-label="Simulate">
      <h2>Simulate</h2>
      <p className="muted">Runs the draft as it is now, in this browser; no case is created.</p>
      <div className="field">
        <label htmlFor="simulate-received">Date received</label>
        <input
          id="simulate-received"
          type="date"
          value={receivedOn}
          onChange={(e) => setReceivedOn(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="button" onClick={() => start(definition)}>
          {simulation ? 'Start again' : 'Start a simulated case'}
        </button>
        {simulation && (
          <button type="button" className="secondary" onClick={() => setSimulation(null)}>
            Stop simulating
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {simulation && !state && (
        <p role="alert" className="error">
          The simulated case is at a stage the draft no longer has: start again.
        </p>
      )}
      {simulation && state && context && (
        <>
          <p data-testid="simulated-stage" role="status">
            {state.stageLabel} ({state.stepLabel}){simulation.snapshot.status === 'done' ? ': closed' : ''}
          </p>
          <table className="cases compact" aria-label="Simulated deadlines">
            <thead>
              <tr>
                <th scope="col">Deadline</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(context.deadlines).map(([name, d]) => (
                <tr key={name}>
                  <td>{d.label}</td>
                  <td data-testid={`simulated-deadline-${name}`}>{d.due ? showDate(d.due) : 'paused'}</td>
                </tr>
              ))}
              {Object.keys(context.deadlines).length === 0 && (
                <tr>
                  <td colSpan={2}>No deadline runs now.</td>
                </tr>
              )}
            </tbody>
          </table>
          {Object.entries(context.timers).filter(([, t]) => t.fireOn).length > 0 && (
            <ul className="plain">
              {Object.entries(context.timers)
                .filter(([, t]) => t.fireOn)
                .map(([name, t]) => (
                  <li key={name}>
                    Timer {humanize(name)}: sends {humanize(t.event)} on {showDate(t.fireOn)}
                  </li>
                ))}
            </ul>
          )}
          {context.letters.length > 0 && (
            <p className="muted">
              Letters queued: {context.letters.map((l) => humanize(l.template)).join(', ')}.
            </p>
          )}
          {chosen ? (
            <EventForm
              event={chosen}
              defaultDate={context.now}
              latestDate=""
              onCancel={() => setChosen(null)}
              onSubmit={async (payload, on) => send(chosen, payload, on)}
            />
          ) : (
            <fieldset className="event-buttons">
              <legend>Events the simulated case accepts now</legend>
              {events.map((event) => (
                <button key={event.type} type="button" className="secondary" onClick={() => setChosen(event)}>
                  {event.label}
                  {event.roles.every((r) => r === 'system') ? ' (timer)' : ''}
                </button>
              ))}
              {events.length === 0 && <p>No event is allowed now.</p>}
            </fieldset>
          )}
          {simulation.log.length > 0 && (
            <ol className="history" aria-label="Simulated events">
              {simulation.log.map((entry, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the log only grows
                <li key={i}>
                  {showDate(entry.on)}: {entry.label} → {entry.stage}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
