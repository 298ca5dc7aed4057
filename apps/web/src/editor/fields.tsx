import type { Reference } from '@recordflow/workflow';
import { type ReactNode, useId } from 'react';
import { ACTION_ENTRIES, GUARD_ENTRIES, type ParamSpec } from './registry';

// Small controlled form fields: every change is an edit (live validation), typing coalesces into one undo step.

export function TextField({
  label,
  value,
  onChange,
  multiline = false,
  help,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  help?: string;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} value={value} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
      )}
      {help && <small className="muted">{help}</small>}
    </div>
  );
}

export function SelectField({
  label,
  value,
  options,
  onChange,
  allowEmpty,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  allowEmpty?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {allowEmpty !== undefined && <option value="">{allowEmpty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="inline">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

/** Reads what was typed as the parameter's type: "20" a number, "true" a boolean, a list by commas. */
function parseParam(spec: ParamSpec, text: string): unknown {
  if (spec.kind === 'number') return text.trim() === '' ? undefined : Number(text);
  if (spec.kind === 'list')
    return text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (spec.kind === 'value') {
    if (text === 'true' || text === 'false') return text === 'true';
    if (text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
  }
  return text === '' ? undefined : text;
}

const showParam = (value: unknown) =>
  value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);

/** The parameters of one action or guard, as a form built from its registry entry. */
function ParamsForm({
  reference,
  specs,
  onChange,
  coalesce,
}: {
  reference: Reference;
  specs: ParamSpec[];
  onChange: (reference: Reference, coalesce?: string) => void;
  coalesce: string;
}) {
  const params = (reference.params ?? {}) as Record<string, unknown>;
  const set = (name: string, value: unknown) => {
    const next = { ...params, [name]: value };
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[name];
    onChange({ ...reference, params: next }, `${coalesce}.${name}`);
  };
  return (
    <div className="params">
      {specs.map((spec) => {
        const label = `${spec.label}${spec.required ? '' : ' (optional)'}`;
        if (spec.kind === 'choice')
          return (
            <SelectField
              key={spec.name}
              label={label}
              value={showParam(params[spec.name])}
              options={spec.options.map((o) => ({ value: o, label: o }))}
              allowEmpty={spec.required ? 'Choose…' : '(none)'}
              onChange={(v) => set(spec.name, v === '' ? undefined : v)}
            />
          );
        if (spec.kind === 'boolean')
          return (
            <CheckboxField
              key={spec.name}
              label={spec.label}
              checked={params[spec.name] === true}
              onChange={(v) => set(spec.name, v)}
            />
          );
        return (
          <TextField
            key={spec.name}
            label={label}
            value={showParam(params[spec.name])}
            help={spec.kind === 'list' ? 'Separate with commas.' : spec.help}
            onChange={(v) => set(spec.name, parseParam(spec, v))}
          />
        );
      })}
    </div>
  );
}

/** A list of registry actions (or one optional guard) with their parameters. */
export function ReferencesEditor({
  title,
  references,
  onChange,
  kind = 'action',
  coalesce,
}: {
  title: string;
  references: Reference[];
  onChange: (references: Reference[], coalesce?: string) => void;
  kind?: 'action' | 'guard';
  coalesce: string;
}) {
  const entries = kind === 'action' ? ACTION_ENTRIES : GUARD_ENTRIES;
  const single = kind === 'guard';
  const replace = (index: number, reference: Reference, key?: string) =>
    onChange(
      references.map((r, i) => (i === index ? reference : r)),
      key,
    );
  return (
    <Section title={title}>
      {references.length === 0 && <p className="muted">None.</p>}
      <ol className="references">
        {references.map((reference, index) => {
          const entry = entries.find((e) => e.name === reference.name);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id; their order is their identity
            <li key={index}>
              <SelectField
                label={single ? 'Condition' : `${kind === 'action' ? 'Action' : 'Guard'} ${index + 1}`}
                value={reference.name}
                options={entries.map((e) => ({ value: e.name, label: e.name }))}
                onChange={(name) => replace(index, { name, params: {} })}
              />
              {entry && <small className="muted">{entry.description}</small>}
              {entry && (
                <ParamsForm
                  reference={reference}
                  specs={entry.params}
                  coalesce={`${coalesce}[${index}]`}
                  onChange={(r, key) => replace(index, r, key)}
                />
              )}
              <div className="actions">
                {!single && index > 0 && (
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() =>
                      onChange(
                        references.map((r, i) =>
                          i === index - 1
                            ? reference
                            : i === index
                              ? (references[index - 1] as Reference)
                              : r,
                        ),
                      )
                    }
                  >
                    Move up
                  </button>
                )}
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => onChange(references.filter((_, i) => i !== index))}
                >
                  Remove {single ? 'condition' : `action ${index + 1}`}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {(!single || references.length === 0) && (
        <button
          type="button"
          className="secondary small"
          onClick={() =>
            onChange([
              ...references,
              { name: kind === 'action' ? 'letter.queue' : 'input.equals', params: {} },
            ])
          }
        >
          {single ? 'Add a condition' : `Add an action to ${title.toLowerCase()}`}
        </button>
      )}
    </Section>
  );
}
