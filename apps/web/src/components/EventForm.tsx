import { type FormEvent, useState } from 'react';
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
}: {
  event: AllowedEvent;
  onSubmit: (payload: Record<string, unknown>, effectiveOn: string) => Promise<void>;
  onCancel: () => void;
  /** The date the form starts with; a simulation runs in its own time, not today's. */
  defaultDate?: string;
  latestDate?: string;
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
        <Field key={name} name={name} property={property} required={required.has(name)} />
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

function Field({ name, property, required }: { name: string; property: Property; required: boolean }) {
  const label = `${property.title ?? name}${required ? '' : ' (optional)'}`;
  const kind = property['x-input-type'];
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
