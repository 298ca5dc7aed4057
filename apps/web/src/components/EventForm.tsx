import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ukToday } from '../format';
import { GraphQLRequestError } from '../graphql';

interface Property {
  title?: string;
  type?: string;
  'x-input-type'?: string;
  'x-options'?: { value: string; label: string }[];
  description?: string;
}

export interface AllowedEvent {
  type: string;
  label: string;
  inputSchema: { properties?: Record<string, Property>; required?: string[] };
}

/** A form for one event, built from its input schema: the officer fills what the law needs, nothing else. */
export function EventForm({
  event,
  onSubmit,
  onCancel,
  defaultDate = ukToday(),
  latestDate = ukToday(),
  questions = [],
}: {
  event: AllowedEvent;
  onSubmit: (payload: Record<string, unknown>, effectiveOn: string) => Promise<void>;
  onCancel: () => void;
  /** The date the form starts with; a simulation runs in its own time, not today's. */
  defaultDate?: string;
  latestDate?: string;
  /** The request's questions, each given a row of its own to answer. */
  questions?: string[];
}) {
  const [error, setError] = useState<FormError | null>(null);
  const properties = Object.entries(event.inputSchema.properties ?? {});
  const required = new Set(event.inputSchema.required ?? []);
  const formId = useId();
  const fieldId = (name: string) => `${formId}-${name}`;
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  // Opening the form moves focus into it; a refusal moves focus to what went wrong.
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (error) summary.current?.focus();
  }, [error]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const payload: Record<string, unknown> = {};
    for (const [name, property] of properties) {
      const kind = property['x-input-type'];
      if (kind === 'multiChoice' || kind === 'exemptions') {
        const values = form.getAll(name).map(String);
        if (values.length > 0) payload[name] = values;
      } else if (kind === 'questionAnswers' || kind === 'sections') {
        const rows = JSON.parse(String(form.get(name) ?? '[]')) as unknown[];
        if (rows.length > 0) payload[name] = rows;
      } else if (kind === 'boolean') {
        payload[name] = form.get(name) === 'yes';
      } else {
        const value = String(form.get(name) ?? '').trim();
        if (value === '') continue;
        payload[name] = kind === 'number' || kind === 'money' ? Number(value) : value;
      }
    }
    setError(null);
    try {
      await onSubmit(payload, String(form.get(EFFECTIVE_ON) ?? ukToday()));
    } catch (caught) {
      setError(
        formError(caught as Error, [
          ...properties.map(([name, property]) => ({ name, label: property.title ?? name })),
          { name: EFFECTIVE_ON, label: 'Date it happened' },
        ]),
      );
    }
  }
  const problemOf = (name: string) => error?.fields.find((f) => f.name === name)?.message;

  return (
    <form className="panel form" onSubmit={submit} aria-label={event.label}>
      <h3 ref={heading} tabIndex={-1}>
        {event.label}
      </h3>
      {error && (
        <div role="alert" className="error error-summary" ref={summary} tabIndex={-1}>
          <p>{error.message}</p>
          {error.fields.length > 0 && (
            <ul>
              {error.fields.map((f) => (
                <li key={`${f.name}-${f.message}`}>
                  <a href={`#${fieldId(f.name)}`}>{f.message}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {properties.map(([name, property]) => (
        <Field
          key={name}
          id={fieldId(name)}
          name={name}
          property={property}
          required={required.has(name)}
          questions={questions}
          problem={problemOf(name)}
        />
      ))}
      <label>
        Date it happened
        <input
          id={fieldId(EFFECTIVE_ON)}
          type="date"
          name={EFFECTIVE_ON}
          defaultValue={defaultDate}
          max={latestDate || undefined}
          required
          aria-invalid={problemOf(EFFECTIVE_ON) ? true : undefined}
          aria-describedby={problemOf(EFFECTIVE_ON) ? `${fieldId(EFFECTIVE_ON)}-problem` : undefined}
        />
      </label>
      <Problem id={`${fieldId(EFFECTIVE_ON)}-problem`} text={problemOf(EFFECTIVE_ON)} />
      <div className="actions">
        <button type="submit">{event.label}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const EFFECTIVE_ON = '__effectiveOn';

interface FormError {
  message: string;
  /** The refused inputs, by the form's field names, each with the server's sentence. */
  fields: { name: string; message: string }[];
}

/** The api's refusal, its field paths ("input.payload.answers[0]", "effectiveOn") matched to the form's fields. */
function formError(error: Error, names: { name: string; label: string }[]): FormError {
  const listed =
    error instanceof GraphQLRequestError && Array.isArray(error.extensions.fields)
      ? (error.extensions.fields as { field: string; message: string }[])
      : [];
  const fields = listed.flatMap((f) => {
    const path = f.field.split(/[.[\]]/).filter(Boolean);
    const found = names.find(
      (n) => path.includes(n.name) || (n.name === EFFECTIVE_ON && path.includes('effectiveOn')),
    );
    // Said with the field's own label, so the sentence matches what the person sees.
    return found ? [{ name: found.name, message: `${found.label}: ${f.message}` }] : [];
  });
  return { message: error.message, fields };
}

/** A field's own error, read out with it (aria-describedby). */
const Problem = ({ id, text }: { id: string; text: string | undefined }) =>
  text ? (
    <span id={id} className="field-problem">
      {text}
    </span>
  ) : null;

function Field({
  id,
  name,
  property,
  required,
  questions,
  problem,
}: {
  id: string;
  name: string;
  property: Property;
  required: boolean;
  questions: string[];
  problem?: string;
}) {
  const label = `${property.title ?? name}${required ? '' : ' (optional)'}`;
  const kind = property['x-input-type'];
  const invalid = problem ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-problem` } : {};
  const shown = <Problem id={`${id}-problem`} text={problem} />;
  if (kind === 'questionAnswers') {
    return (
      <ListField
        id={id}
        problem={problem}
        name={name}
        label={label}
        initial={(questions.length > 0 ? questions : ['']).map((question) => ({ question, answer: '' }))}
        keys={['question', 'answer']}
        labels={(i) => [`Question ${i + 1}`, `Answer to question ${i + 1}`]}
        addLabel="Add a question"
        required={required}
      />
    );
  }
  if (kind === 'sections') {
    return (
      <ListField
        id={id}
        problem={problem}
        name={name}
        label={label}
        initial={[]}
        keys={['title', 'text']}
        labels={(i) => [`Section ${i + 1} title`, `Section ${i + 1} text`]}
        addLabel="Add a section"
        required={required}
      />
    );
  }
  if (kind === 'multiChoice' || kind === 'exemptions') {
    return (
      <fieldset id={id} tabIndex={-1} {...invalid}>
        <legend>{label}</legend>
        {shown}
        <div className="checkboxes">
          {(property['x-options'] ?? []).map((option) => (
            <label key={option.value} className="inline">
              <input type="checkbox" name={name} value={option.value} /> {option.label}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  if (kind === 'choice') {
    return (
      <>
        <label>
          {label}
          <select id={id} name={name} required={required} defaultValue="" {...invalid}>
            <option value="" disabled={required}>
              Choose…
            </option>
            {(property['x-options'] ?? []).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        {shown}
      </>
    );
  }
  if (kind === 'boolean') {
    return (
      <>
        <label>
          {label}
          <select id={id} name={name} defaultValue="yes" {...invalid}>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </label>
        {shown}
      </>
    );
  }
  if (kind === 'longText') {
    return (
      <>
        <label>
          {label}
          <textarea id={id} name={name} required={required} rows={4} {...invalid} />
        </label>
        {shown}
      </>
    );
  }
  const type = kind === 'date' ? 'date' : kind === 'number' || kind === 'money' ? 'number' : 'text';
  return (
    <>
      <label>
        {label}
        <input
          id={id}
          name={name}
          type={type}
          required={required}
          step={kind === 'money' ? '0.01' : undefined}
          {...invalid}
        />
      </label>
      {shown}
    </>
  );
}

type Row = Record<string, string>;

/**
 * A list of two-part rows (a question and its answer, a section's title and text), kept whole: the
 * letter prints each part where it belongs, so nothing is paired up by paragraph afterwards.
 */
function ListField({
  id: fieldsetId,
  problem,
  name,
  label,
  initial,
  keys,
  labels,
  addLabel,
  required,
}: {
  id: string;
  problem?: string;
  name: string;
  label: string;
  initial: Row[];
  keys: [string, string];
  labels: (index: number) => [string, string];
  addLabel: string;
  required: boolean;
}) {
  const [rows, setRows] = useState<Row[]>(initial);
  const id = useId();
  const [first, second] = keys;
  const filled = rows.filter((row) => (row[first] ?? '').trim() !== '' || (row[second] ?? '').trim() !== '');
  const update = (index: number, key: string, value: string) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  return (
    <fieldset
      className="list-field"
      id={fieldsetId}
      tabIndex={-1}
      aria-invalid={problem ? true : undefined}
      aria-describedby={problem ? `${fieldsetId}-problem` : undefined}
    >
      <legend>{label}</legend>
      <Problem id={`${fieldsetId}-problem`} text={problem} />
      <input type="hidden" name={name} value={JSON.stringify(filled)} />
      {rows.map((row, index) => {
        const [firstLabel, secondLabel] = labels(index);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place in the list
          <div key={index} className="list-row">
            {/* Labelled by id, not by wrapping: a wrapping label's name would include the text typed in. */}
            <label htmlFor={`${id}-${index}-${first}`}>{firstLabel}</label>
            <textarea
              id={`${id}-${index}-${first}`}
              rows={2}
              value={row[first] ?? ''}
              required={required && index === 0}
              onChange={(e) => update(index, first, e.target.value)}
            />
            <label htmlFor={`${id}-${index}-${second}`}>{secondLabel}</label>
            <textarea
              id={`${id}-${index}-${second}`}
              rows={4}
              value={row[second] ?? ''}
              required={required && index === 0}
              onChange={(e) => update(index, second, e.target.value)}
            />
            <button
              type="button"
              className="secondary"
              aria-label={`Remove ${firstLabel.toLowerCase()}`}
              onClick={() => setRows(rows.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() => setRows([...rows, { [first]: '', [second]: '' }])}
      >
        {addLabel}
      </button>
    </fieldset>
  );
}
