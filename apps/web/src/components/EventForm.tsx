import { type FormEvent, useId, useState } from 'react';
import { ukToday } from '../format';

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
  const [error, setError] = useState<string | null>(null);
  const properties = Object.entries(event.inputSchema.properties ?? {});
  const required = new Set(event.inputSchema.required ?? []);

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
    try {
      await onSubmit(payload, String(form.get('__effectiveOn') ?? ukToday()));
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  return (
    <form className="panel form" onSubmit={submit} aria-label={event.label}>
      <h3>{event.label}</h3>
      {properties.map(([name, property]) => (
        <Field
          key={name}
          name={name}
          property={property}
          required={required.has(name)}
          questions={questions}
        />
      ))}
      <label>
        Date it happened
        <input
          type="date"
          name="__effectiveOn"
          defaultValue={defaultDate}
          max={latestDate || undefined}
          required
        />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit">{event.label}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Field({
  name,
  property,
  required,
  questions,
}: {
  name: string;
  property: Property;
  required: boolean;
  questions: string[];
}) {
  const label = `${property.title ?? name}${required ? '' : ' (optional)'}`;
  const kind = property['x-input-type'];
  if (kind === 'questionAnswers') {
    return (
      <ListField
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
      <fieldset>
        <legend>{label}</legend>
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
      <label>
        {label}
        <select name={name} required={required} defaultValue="">
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
    );
  }
  if (kind === 'boolean') {
    return (
      <label>
        {label}
        <select name={name} defaultValue="yes">
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      </label>
    );
  }
  if (kind === 'longText') return <LabelledTextarea name={name} label={label} required={required} />;
  const type = kind === 'date' ? 'date' : kind === 'number' || kind === 'money' ? 'number' : 'text';
  return (
    <label>
      {label}
      <input name={name} type={type} required={required} step={kind === 'money' ? '0.01' : undefined} />
    </label>
  );
}

const LabelledTextarea = ({ name, label, required }: { name: string; label: string; required: boolean }) => (
  <label>
    {label}
    <textarea name={name} required={required} rows={4} />
  </label>
);

type Row = Record<string, string>;

/**
 * A list of two-part rows (a question and its answer, a section's title and text), kept whole: the
 * letter prints each part where it belongs, so nothing is paired up by paragraph afterwards.
 */
function ListField({
  name,
  label,
  initial,
  keys,
  labels,
  addLabel,
  required,
}: {
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
    <fieldset className="list-field">
      <legend>{label}</legend>
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
