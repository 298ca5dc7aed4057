import {
  INPUT_TYPES,
  type InputDefinition,
  type Problem,
  STAGE_KINDS,
  type StageDefinition,
  type TransitionDefinition,
} from '@recordflow/workflow';
import {
  renameOutcome,
  renameStage,
  renameStep,
  stageOf,
  updateRoute,
  updateStage,
  updateStep,
  updateTransition,
  updateWorkflow,
} from './edits';
import { CheckboxField, ReferencesEditor, Section, SelectField, TextField } from './fields';
import { useKnownRoles } from './roles';
import { problemIsAbout } from './selection';
import { useEditor } from './store';

const stageOptions = (stages: StageDefinition[]) => stages.map((s) => ({ value: s.id, label: s.label }));

function ProblemsHere({ problems }: { problems: Problem[] }) {
  const definition = useEditor((s) => s.definition);
  const selection = useEditor((s) => s.selection);
  const here = problems.filter((p) => problemIsAbout(definition, p, selection));
  if (here.length === 0) return null;
  return (
    <ul className="problems-here" aria-label="Problems with this item">
      {here.map((p) => (
        <li key={`${p.path}|${p.code}|${p.message}`} className="error">
          {p.message}
        </li>
      ))}
    </ul>
  );
}

/** The side panel: edits whatever is selected on the canvas. */
export function SidePanel({ problems }: { problems: Problem[] }) {
  const selection = useEditor((s) => s.selection);
  const definition = useEditor((s) => s.definition);
  const stage = 'stageId' in selection ? stageOf(definition, selection.stageId) : undefined;
  let body: React.ReactNode = <WorkflowPanel />;
  if (stage && selection.kind === 'stage') body = <StagePanel stage={stage} />;
  if (stage && selection.kind === 'route') {
    const route = stage.routes.find((r) => r.outcome === selection.outcome);
    if (route) body = <RoutePanel stage={stage} outcome={route.outcome} />;
  }
  if (stage && selection.kind === 'step' && stage.steps.some((s) => s.id === selection.stepId))
    body = <StepPanel stage={stage} stepId={selection.stepId} />;
  if (stage && selection.kind === 'transition') {
    const transition = stage.transitions.find((t) => t.id === selection.transitionId);
    if (transition) body = <TransitionPanel stage={stage} transition={transition} />;
  }
  return (
    <div className="side-panel">
      <ProblemsHere problems={problems} />
      {body}
    </div>
  );
}

function WorkflowPanel() {
  const definition = useEditor((s) => s.definition);
  const edit = useEditor((s) => s.edit);
  return (
    <section aria-label="Workflow properties">
      <h2>Workflow</h2>
      <p className="muted">
        {definition.regime.toUpperCase()} · id <code>{definition.id}</code>. Select a stage or route on the
        canvas to edit it; double-click a stage to edit its steps.
      </p>
      <TextField
        label="Name"
        value={definition.name}
        onChange={(name) => edit((d) => updateWorkflow(d, { name }), 'workflow.name')}
      />
      <TextField
        label="Description"
        multiline
        value={definition.description ?? ''}
        onChange={(description) => edit((d) => updateWorkflow(d, { description }), 'workflow.description')}
      />
      <SelectField
        label="First stage"
        value={definition.initialStage}
        options={stageOptions(definition.stages)}
        onChange={(initialStage) => edit((d) => updateWorkflow(d, { initialStage }))}
      />
      <ReferencesEditor
        title="When a case is created"
        references={definition.onCreate}
        coalesce="workflow.onCreate"
        onChange={(onCreate, key) => edit((d) => updateWorkflow(d, { onCreate }), key)}
      />
      <ReopenRoutes />
    </section>
  );
}

type GuardReference = { name: string; params?: Record<string, unknown> };

/** A reopen guard on the record in words ("decisionNoticeReference and no appellant"); null for any other guard. */
function recordedWords(guard: GuardReference): string | null {
  const fields = Array.isArray(guard.params?.fields) ? (guard.params.fields as string[]) : null;
  if (guard.name === 'record.absent' && fields) return `no ${fields.join(' or ')}`;
  if (guard.name === 'record.present' && fields) return fields.join(' and ');
  if (guard.name !== 'all' || !Array.isArray(guard.params?.guards)) return null;
  const parts = (guard.params.guards as GuardReference[]).map(recordedWords);
  return parts.every((part) => part !== null) ? parts.join(' and ') : null;
}

/** The events a closed case still accepts (the definition's reopenOn), each with the stage it re-enters. */
function ReopenRoutes() {
  const definition = useEditor((s) => s.definition);
  const select = useEditor((s) => s.select);
  const routes = definition.reopenOn ?? [];
  return (
    <Section title="A closed case reopens on">
      {routes.length === 0 && <p className="muted">Nothing: a closed case accepts no event.</p>}
      <ul className="plain" aria-label="Reopen routes">
        {routes.map((r) => (
          <li key={`${r.event}|${r.to}`}>
            <button type="button" className="link" onClick={() => select({ kind: 'stage', stageId: r.to })}>
              {r.label ?? r.event} → {stageOf(definition, r.to)?.label ?? r.to}
            </button>
            {r.guard && (
              <span className="muted">
                {' '}
                {recordedWords(r.guard)
                  ? `(while the case records ${recordedWords(r.guard)})`
                  : `(when ${r.guard.name})`}
              </span>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function StagePanel({ stage }: { stage: StageDefinition }) {
  const definition = useEditor((s) => s.definition);
  const { edit, select, openStageView } = useEditor.getState();
  const openStage = useEditor((s) => s.openStage);
  const at = `stage.${stage.id}`;
  return (
    <section aria-label="Stage properties">
      <h2>Stage: {stage.label}</h2>
      <div className="actions">
        {openStage === stage.id ? (
          <button type="button" className="secondary" onClick={() => openStageView(null)}>
            Back to all stages
          </button>
        ) : (
          <button type="button" onClick={() => openStageView(stage.id)}>
            Edit the steps of {stage.label}
          </button>
        )}
      </div>
      <TextField
        label="Stage name"
        value={stage.label}
        onChange={(label) => edit((d) => updateStage(d, stage.id, { label }), `${at}.label`)}
      />
      <TextField
        label="Stage id"
        value={stage.id}
        help="Used in routes and kept in every case's history; lower-case letters, digits and hyphens."
        onChange={(id) => {
          edit((d) => renameStage(d, stage.id, id), `${at}.id`);
          select({ kind: 'stage', stageId: id });
        }}
      />
      <SelectField
        label="Kind"
        value={stage.kind}
        options={STAGE_KINDS.map((k) => ({ value: k, label: k }))}
        onChange={(kind) => edit((d) => updateStage(d, stage.id, { kind: kind as StageDefinition['kind'] }))}
      />
      <TextField
        label="Description"
        multiline
        value={stage.description ?? ''}
        onChange={(description) =>
          edit((d) => updateStage(d, stage.id, { description }), `${at}.description`)
        }
      />
      <CheckboxField
        label="Final stage (the case ends here)"
        checked={stage.final}
        onChange={(final) => edit((d) => updateStage(d, stage.id, { final }))}
      />
      {!stage.final && (
        <SelectField
          label="First step"
          value={stage.initialStep ?? ''}
          allowEmpty="Choose…"
          options={stage.steps.map((s) => ({ value: s.id, label: s.label }))}
          onChange={(initialStep) => edit((d) => updateStage(d, stage.id, { initialStep }))}
        />
      )}
      <ReferencesEditor
        title="On entering the stage"
        references={stage.onEntry}
        coalesce={`${at}.onEntry`}
        onChange={(onEntry, key) => edit((d) => updateStage(d, stage.id, { onEntry }), key)}
      />
      {stage.final && <ReopenRoutes />}
      {!stage.final && (
        <Section title="Outcomes and where they go">
          {stage.routes.length === 0 && <p className="muted">None yet: drag from this stage to another.</p>}
          <ul className="plain">
            {stage.routes.map((r) => (
              <li key={r.outcome}>
                <button
                  type="button"
                  className="link"
                  onClick={() => select({ kind: 'route', stageId: stage.id, outcome: r.outcome })}
                >
                  {r.label ?? r.outcome} → {stageOf(definition, r.to)?.label ?? r.to}
                </button>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </section>
  );
}

function RoutePanel({ stage, outcome }: { stage: StageDefinition; outcome: string }) {
  const definition = useEditor((s) => s.definition);
  const edit = useEditor((s) => s.edit);
  const route = stage.routes.find((r) => r.outcome === outcome);
  if (!route) return null;
  const at = `route.${stage.id}.${outcome}`;
  return (
    <section aria-label="Route properties">
      <h2>
        Route: {stage.label} → {stageOf(definition, route.to)?.label ?? route.to}
      </h2>
      <p className="muted">
        Taken when stage {stage.label} ends with outcome <code>{route.outcome}</code>.
      </p>
      <SelectField
        label="Goes to stage"
        value={route.to}
        options={stageOptions(definition.stages)}
        onChange={(to) => edit((d) => updateRoute(d, stage.id, outcome, { to }))}
      />
      <TextField
        label="Label"
        value={route.label ?? ''}
        placeholder={route.outcome}
        onChange={(label) =>
          edit((d) => updateRoute(d, stage.id, outcome, { label: label || undefined }), `${at}.label`)
        }
      />
      <ReferencesEditor
        title="On taking the route"
        references={route.actions}
        coalesce={`${at}.actions`}
        onChange={(actions, key) => edit((d) => updateRoute(d, stage.id, outcome, { actions }), key)}
      />
    </section>
  );
}

function StepPanel({ stage, stepId }: { stage: StageDefinition; stepId: string }) {
  const { edit, select } = useEditor.getState();
  const step = stage.steps.find((s) => s.id === stepId);
  if (!step) return null;
  const at = `step.${stage.id}.${step.id}`;
  const leaving = stage.transitions.filter((t) => t.from === step.id || t.from === '*');
  return (
    <section aria-label="Step properties">
      <h2>Step: {step.label}</h2>
      <p className="muted">In stage {stage.label}.</p>
      <TextField
        label="Step name"
        value={step.label}
        onChange={(label) => edit((d) => updateStep(d, stage.id, step.id, { label }), `${at}.label`)}
      />
      <TextField
        label="Step id"
        value={step.id}
        onChange={(id) => {
          edit((d) => renameStep(d, stage.id, step.id, id), `${at}.id`);
          select({ kind: 'step', stageId: stage.id, stepId: id });
        }}
      />
      <CheckboxField
        label="Final step (the stage ends here, with an outcome)"
        checked={step.final}
        onChange={(final) =>
          edit((d) =>
            updateStep(d, stage.id, step.id, final ? { final, outcome: step.outcome ?? step.id } : { final }),
          )
        }
      />
      {step.final && (
        <TextField
          label="Outcome"
          value={step.outcome ?? ''}
          help="The stage's routes go on by outcome."
          onChange={(outcome) => edit((d) => renameOutcome(d, stage.id, step.id, outcome), `${at}.outcome`)}
        />
      )}
      {!step.final && (
        <Section title="Ways out of this step">
          {leaving.length === 0 && <p className="muted">None yet: drag from this step to another.</p>}
          <ul className="plain">
            {leaving.map((t) => (
              <li key={t.id}>
                <button
                  type="button"
                  className="link"
                  onClick={() => select({ kind: 'transition', stageId: stage.id, transitionId: t.id })}
                >
                  {t.label}
                  {t.to ? '' : ' (stays here)'}
                  {t.from === '*' ? ' (from any step)' : ''}
                </button>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </section>
  );
}

function InputsEditor({
  inputs,
  onChange,
  coalesce,
}: {
  inputs: InputDefinition[];
  onChange: (inputs: InputDefinition[], coalesce?: string) => void;
  coalesce: string;
}) {
  const replace = (index: number, patch: Partial<InputDefinition>, key?: string) =>
    onChange(
      inputs.map((input, i) => (i === index ? { ...input, ...patch } : input)),
      key,
    );
  return (
    <Section title="What the officer must enter">
      {inputs.length === 0 && <p className="muted">Nothing.</p>}
      <ol className="references">
        {inputs.map((input, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the name is being edited, so the position is the key
          <li key={index}>
            <TextField
              label={`Input ${index + 1} label`}
              value={input.label}
              onChange={(label) => replace(index, { label }, `${coalesce}[${index}].label`)}
            />
            <TextField
              label={`Input ${index + 1} field name`}
              value={input.name}
              onChange={(name) => replace(index, { name }, `${coalesce}[${index}].name`)}
            />
            <SelectField
              label={`Input ${index + 1} type`}
              value={input.type}
              options={INPUT_TYPES.map((t) => ({ value: t, label: t }))}
              onChange={(type) => replace(index, { type: type as InputDefinition['type'] })}
            />
            {(input.type === 'choice' || input.type === 'multiChoice') && (
              <TextField
                label={`Input ${index + 1} options`}
                help="One per line: value = label."
                multiline
                value={(input.options ?? []).map((o) => `${o.value} = ${o.label}`).join('\n')}
                onChange={(text) =>
                  replace(
                    index,
                    {
                      options: text
                        .split('\n')
                        .map((line) => line.split('='))
                        .filter(([value]) => value?.trim())
                        .map(([value, label]) => ({
                          value: (value ?? '').trim(),
                          label: (label ?? value ?? '').trim(),
                        })),
                    },
                    `${coalesce}[${index}].options`,
                  )
                }
              />
            )}
            <CheckboxField
              label="Required"
              checked={input.required}
              onChange={(required) => replace(index, { required })}
            />
            <button
              type="button"
              className="secondary small"
              onClick={() => onChange(inputs.filter((_, i) => i !== index))}
            >
              Remove input {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="secondary small"
        onClick={() =>
          onChange([
            ...inputs,
            { name: `field${inputs.length + 1}`, label: 'New field', type: 'text', required: true },
          ])
        }
      >
        Add an input
      </button>
    </Section>
  );
}

function TransitionPanel({
  stage,
  transition,
}: {
  stage: StageDefinition;
  transition: TransitionDefinition;
}) {
  const knownRoles = useKnownRoles();
  const { edit, select } = useEditor.getState();
  const at = `transition.${stage.id}.${transition.id}`;
  const patch = (p: Partial<TransitionDefinition>, key?: string) =>
    edit((d) => updateTransition(d, stage.id, transition.id, p), key);
  const steps = stage.steps.map((s) => ({ value: s.id, label: s.label }));
  return (
    <section aria-label="Transition properties">
      <h2>Transition: {transition.label}</h2>
      <p className="muted">In stage {stage.label}.</p>
      <TextField
        label="Button label"
        value={transition.label}
        onChange={(label) => patch({ label }, `${at}.label`)}
      />
      <TextField
        label="Event"
        value={transition.event}
        help="UPPER_SNAKE_CASE; recorded in every case's history."
        onChange={(event) => patch({ event }, `${at}.event`)}
      />
      <TextField
        label="Transition id"
        value={transition.id}
        onChange={(id) => {
          patch({ id }, `${at}.id`);
          select({ kind: 'transition', stageId: stage.id, transitionId: id });
        }}
      />
      <SelectField
        label="From step"
        value={transition.from}
        options={[{ value: '*', label: 'Any step' }, ...steps]}
        onChange={(from) => patch({ from })}
      />
      <SelectField
        label="To step"
        value={transition.to ?? ''}
        allowEmpty="(stays in the step)"
        options={steps}
        onChange={(to) => patch({ to: to || undefined })}
      />
      <Section title="Who may send it">
        <div className="checkboxes">
          {[...new Set([...knownRoles, ...transition.roles])].map((role) => (
            <CheckboxField
              key={role}
              label={role}
              checked={transition.roles.includes(role)}
              onChange={(on) =>
                patch({
                  roles: on ? [...transition.roles, role] : transition.roles.filter((r) => r !== role),
                })
              }
            />
          ))}
        </div>
      </Section>
      <InputsEditor
        inputs={transition.inputs}
        coalesce={`${at}.inputs`}
        onChange={(inputs, key) => patch({ inputs }, key)}
      />
      <ReferencesEditor
        title="Condition"
        kind="guard"
        references={transition.guard ? [transition.guard] : []}
        coalesce={`${at}.guard`}
        onChange={([guard], key) => patch({ guard }, key)}
      />
      <ReferencesEditor
        title="Actions"
        references={transition.actions}
        coalesce={`${at}.actions`}
        onChange={(actions, key) => patch({ actions }, key)}
      />
    </section>
  );
}
