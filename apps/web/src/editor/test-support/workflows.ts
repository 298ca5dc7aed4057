import { validateWorkflow, type WorkflowDefinition } from '@recordflow/workflow';
import eir from '../../../../../workflows/eir.json';
import foi from '../../../../../workflows/foi.json';
import foisa from '../../../../../workflows/foisa.json';
import sar from '../../../../../workflows/sar.json';

const RAW = { foi, eir, foisa, sar };

/** A built-in workflow as the editor receives it: parsed, defaults filled in, valid. */
export function builtIn(name: keyof typeof RAW): WorkflowDefinition {
  const result = validateWorkflow(structuredClone(RAW[name]));
  if (!result.valid || !result.definition) throw new Error(`${name}.json is invalid`);
  return result.definition;
}

/** The error codes validation reports for a definition, with where: what the editor's problem list shows. */
export const errorsOf = (definition: WorkflowDefinition) =>
  validateWorkflow(definition).errors.map((e) => `${e.code} at ${e.path}`);

/** The sentences of validation's errors, as the administrator reads them. */
export const errorMessages = (definition: WorkflowDefinition) =>
  validateWorkflow(definition).errors.map((e) => e.message);
