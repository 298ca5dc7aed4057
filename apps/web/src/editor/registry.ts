import { type Reference, registryDescription, type StageDefinition } from '@recordflow/workflow';

export interface ParamSpec {
  name: string;
  label: string;
  required: boolean;
  kind: 'text' | 'number' | 'boolean' | 'choice' | 'list' | 'value';
  options: string[];
  help?: string;
}

export interface RegistryEntry {
  name: string;
  description: string;
  params: ParamSpec[];
}

interface JsonSchema {
  type?: string;
  enum?: string[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** "offsetCalendarDays" → "Offset calendar days". */
const humanise = (name: string) =>
  name
    .replace(/([A-Z])/g, ' $1')
    .replace(/^./, (c) => c.toUpperCase())
    .replace(/ ([A-Z])/g, (_, c: string) => ` ${c.toLowerCase()}`);

function paramSpecs(schema: JsonSchema): ParamSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const kind: ParamSpec['kind'] = property.enum
      ? 'choice'
      : property.anyOf
        ? 'value'
        : property.type === 'boolean'
          ? 'boolean'
          : property.type === 'integer' || property.type === 'number'
            ? 'number'
            : property.type === 'array'
              ? 'list'
              : 'text';
    return {
      name,
      label: humanise(name),
      required: required.has(name),
      kind,
      options: property.enum ?? [],
      help: property.description,
    };
  });
}

// The registry is the same code the api validates with, so the forms offer exactly what will be accepted.
const description = registryDescription();
const toEntries = (list: typeof description.actions): RegistryEntry[] =>
  list.map((entry) => ({
    name: entry.name,
    description: entry.description,
    params: paramSpecs(entry.paramsSchema as JsonSchema),
  }));

export const ACTION_ENTRIES = toEntries(description.actions);
export const GUARD_ENTRIES = toEntries(description.guards);

/** A short sentence for a registry reference, as a canvas node or list shows it. */
export function describeReference(reference: Reference): string {
  const p = (reference.params ?? {}) as Record<string, unknown>;
  const limit = () =>
    p.workingDays !== undefined
      ? `${p.workingDays} working days`
      : p.months !== undefined
        ? `${p.months} month${p.months === 1 ? '' : 's'}`
        : p.calendarDays !== undefined
          ? `${p.calendarDays} calendar days`
          : p.totalWorkingDays !== undefined
            ? `${p.totalWorkingDays} working days in all`
            : p.totalMonths !== undefined
              ? `${p.totalMonths} months in all`
              : '';
  switch (reference.name) {
    case 'letter.queue':
      return `Letter: ${String(p.template ?? '?')}`;
    case 'clock.start':
      return `Clock starts: ${limit()}`;
    case 'clock.extend':
      return `Clock extended to ${limit()}`;
    case 'deadline.set':
      return `Deadline "${String(p.label ?? p.name ?? '?')}": ${limit()}`;
    case 'timer.schedule':
      return `Timer sends ${String(p.event ?? '?')}`;
    default: {
      const shown = Object.entries(p)
        .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : String(v)}`)
        .join('; ');
      return shown ? `${reference.name} (${shown})` : reference.name;
    }
  }
}

/** The deadlines a stage sets or moves, for its node on the canvas. */
export function stageDeadlines(stage: StageDefinition): string[] {
  const references = [
    ...stage.onEntry,
    ...stage.transitions.flatMap((t) => t.actions),
    ...stage.routes.flatMap((r) => r.actions),
  ];
  return references
    .filter((r) => r.name === 'deadline.set' || r.name === 'clock.extend' || r.name === 'clock.start')
    .map(describeReference);
}

/** Who acts in a stage: the roles of its transitions, the system (timers) left out. */
export function stageRoles(stage: StageDefinition): string[] {
  return [...new Set(stage.transitions.flatMap((t) => t.roles))].filter((r) => r !== 'system').sort();
}
