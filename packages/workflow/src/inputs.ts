import { isIsoDate, type Regime } from '@recordflow/calendar';
import { z } from 'zod';
import { exemptionsFor } from './exemptions';
import type { InputDefinition } from './schema';

const paragraphText = (label: string) => z.string().trim().min(1, `${label} is empty`).max(100_000);

function fieldSchema(input: InputDefinition, regime: Regime): z.ZodType {
  switch (input.type) {
    case 'text':
      return z.string().trim().min(1, `${input.label} is empty`).max(500);
    case 'longText':
      return z.string().trim().min(1, `${input.label} is empty`).max(100_000);
    case 'date':
      return z.string().refine(isIsoDate, `${input.label} must be a date as YYYY-MM-DD`);
    case 'number':
      return z.number();
    case 'money':
      return z.number().min(0).multipleOf(0.01);
    case 'boolean':
      return z.boolean();
    case 'choice':
      return z.enum((input.options ?? []).map((o) => o.value) as [string, ...string[]]);
    case 'multiChoice':
      return z.array(z.enum((input.options ?? []).map((o) => o.value) as [string, ...string[]])).min(1);
    case 'exemptions':
      return z.array(z.enum(exemptionsFor(regime).map((e) => e.code) as [string, ...string[]])).min(1);
    // Each answer kept with its own question, so a letter prints it under that question.
    case 'questionAnswers':
      return z
        .array(
          z.object({ question: paragraphText('A question'), answer: paragraphText('An answer') }).strict(),
        )
        .min(1, `${input.label}: give at least one question and its answer`)
        .max(200);
    // Titled sections a letter prints after the answers, e.g. "Further information".
    case 'sections':
      return z
        .array(
          z
            .object({
              title: z.string().trim().min(1, 'A section title is empty').max(500),
              text: paragraphText('A section'),
            })
            .strict(),
        )
        .max(50);
  }
}

// Definitions are immutable once parsed, so each event's schema is built once.
const schemas = new WeakMap<readonly InputDefinition[], Map<Regime, z.ZodObject>>();

/** The payload schema of an event: its inputs, nothing else. */
export function payloadSchema(inputs: readonly InputDefinition[], regime: Regime): z.ZodObject {
  const byRegime = schemas.get(inputs) ?? new Map<Regime, z.ZodObject>();
  schemas.set(inputs, byRegime);
  const cached = byRegime.get(regime);
  if (cached) return cached;
  const schema = buildPayloadSchema(inputs, regime);
  byRegime.set(regime, schema);
  return schema;
}

function buildPayloadSchema(inputs: readonly InputDefinition[], regime: Regime): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const input of inputs) {
    const field = fieldSchema(input, regime).describe(
      input.help ? `${input.label}. ${input.help}` : input.label,
    );
    shape[input.name] = input.required ? field : field.optional();
  }
  return z.object(shape).strict();
}

/** Each transition's inputs (a definition's objects live as long as it does) to its schema per regime. */
const jsonSchemas = new WeakMap<readonly InputDefinition[], Map<Regime, Readonly<Record<string, unknown>>>>();

/**
 * JSON Schema of an event's payload, for forms and for outside tools. Made once per transition and
 * regime (every case page asks for it), so the object returned is shared and frozen.
 */
export function payloadJsonSchema(
  inputs: readonly InputDefinition[],
  regime: Regime,
): Readonly<Record<string, unknown>> {
  let byRegime = jsonSchemas.get(inputs);
  if (!byRegime) {
    byRegime = new Map();
    jsonSchemas.set(inputs, byRegime);
  }
  let schema = byRegime.get(regime);
  if (!schema) {
    schema = deepFreeze(buildPayloadJsonSchema(inputs, regime));
    byRegime.set(regime, schema);
  }
  return schema;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function buildPayloadJsonSchema(inputs: readonly InputDefinition[], regime: Regime): Record<string, unknown> {
  const schema = z.toJSONSchema(payloadSchema(inputs, regime), {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  // Titles let a form label its fields without the definition at hand.
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const input of inputs) {
    const property = properties[input.name];
    if (!property) continue;
    property.title = input.label;
    property['x-input-type'] = input.type;
    if (input.type === 'exemptions') {
      property['x-options'] = exemptionsFor(regime).map((e) => ({
        value: e.code,
        label: `${e.code} ${e.title}`,
      }));
    } else if (input.options) {
      property['x-options'] = input.options;
    }
  }
  return schema;
}

/** Checks a payload, naming each field that is wrong. */
export function checkPayload(
  inputs: readonly InputDefinition[],
  regime: Regime,
  payload: unknown,
): { field: string; message: string }[] {
  const result = payloadSchema(inputs, regime).safeParse(payload ?? {});
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return {
        field: issue.keys.join(', '),
        message: `not an input of this event (its inputs: ${inputs.map((i) => i.name).join(', ') || 'none'})`,
      };
    }
    const field = issue.path.join('.') || '(payload)';
    const input = inputs.find((i) => i.name === issue.path[0]);
    const given = (payload as Record<string, unknown> | null | undefined)?.[String(issue.path[0])];
    const message =
      issue.code === 'invalid_type' && given === undefined
        ? `${input?.label ?? field} is required`
        : `${input?.label ?? field}: ${issue.message}`;
    return { field, message };
  });
}
