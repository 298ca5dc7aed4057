import type { WorkflowDefinition } from '@recordflow/workflow';
import { useEffect, useState } from 'react';
import { humanize } from './format';
import { graphql } from './gql';
import { request } from './graphql';

const WorkflowDefinitionsQuery = graphql(`
  query WorkflowDefinitions($id: ID!) {
    workflow(id: $id) { versions { version definition } }
  }
`);

type Versions = { version: number; definition: WorkflowDefinition }[];

// Published versions never change: each workflow's are fetched once per page load, then shared by every view.
const cache = new Map<string, Promise<Versions>>();

function versionsOf(workflowId: string, version: number, fresh = false): Promise<Versions> {
  let pending = cache.get(workflowId);
  if (!pending || fresh) {
    pending = request(WorkflowDefinitionsQuery, { id: workflowId }).then(
      ({ workflow }) => workflow.versions as Versions,
    );
    // A failure is not kept: the next view asks again.
    pending.catch(() => cache.delete(workflowId));
    cache.set(workflowId, pending);
  }
  // A version published after the first fetch is fetched again.
  return pending.then((versions) =>
    versions.some((v) => v.version === version) || fresh ? versions : versionsOf(workflowId, version, true),
  );
}

export type DefinitionState =
  | { state: 'loading' }
  | { state: 'ready'; definition: WorkflowDefinition }
  | { state: 'error'; message: string };

/** One published version of a workflow, as the case that runs on it was recorded with. */
export function useWorkflowDefinition(workflowId: string, version: number): DefinitionState {
  const [state, setState] = useState<DefinitionState>({ state: 'loading' });
  useEffect(() => {
    // Nothing to fetch until the case that names the workflow has loaded.
    if (!workflowId) return;
    let current = true;
    versionsOf(workflowId, version).then(
      (versions) => {
        const found = versions.find((v) => v.version === version);
        if (!current) return;
        setState(
          found
            ? { state: 'ready', definition: found.definition }
            : { state: 'error', message: `Version ${version} of ${workflowId} was not found.` },
        );
      },
      (error: Error) => current && setState({ state: 'error', message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [workflowId, version]);
  return state;
}

export interface Labels {
  stage(id: string): string;
  step(id: string): string;
  outcome(value: string | null | undefined): string;
  event(type: string): string;
}

/** Names from the definition for the ids a case records; words made from the id where it has none. */
export function labelsOf(definition: WorkflowDefinition | undefined): Labels {
  const stages = new Map<string, string>();
  const steps = new Map<string, string>();
  const outcomes = new Map<string, string>();
  for (const stage of definition?.stages ?? []) {
    stages.set(stage.id, stage.label);
    for (const step of stage.steps ?? []) steps.set(step.id, step.label);
    for (const transition of stage.transitions ?? []) {
      for (const input of transition.inputs ?? []) {
        if (input.name !== 'outcome') continue;
        for (const option of input.options ?? []) outcomes.set(option.value, option.label);
      }
    }
  }
  return {
    stage: (id) => stages.get(id) ?? humanize(id),
    step: (id) => steps.get(id) ?? humanize(id),
    outcome: (value) => (value ? (outcomes.get(value) ?? humanize(value)) : '—'),
    // Events are named for what happened ("Clarification received"), not for the button that sent them.
    event: (type) => humanize(type),
  };
}
