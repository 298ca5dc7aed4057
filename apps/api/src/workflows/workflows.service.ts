import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { describeRegime, REGIMES, type Regime } from '@recordflow/calendar';
import { hashDefinition, validateWorkflow, type WorkflowDefinition } from '@recordflow/workflow';
import { DataSource, type EntityManager, In } from 'typeorm';
import { restrictFromTheStart } from '../access/restricted-from-start';
import type { Actor } from '../auth/current-user';
import { notFound, refusal } from '../common/errors';
import { changeActor } from '../people/people.service';
import { RoleDefinition } from '../people/role.entity';
import type {
  CreateWorkflowInput,
  PublishWorkflowInput,
  SaveWorkflowDraftInput,
} from './dto/save-workflow-draft.input';
import { Workflow } from './workflow.entity';
import { WorkflowVersion } from './workflow-version.entity';

/** Published versions never change, so their parsed definitions are kept for the life of the process. */
const publishedVersions = new Map<string, { definition: WorkflowDefinition; version: number }>();

async function publishedVersion(manager: EntityManager, versionId: string) {
  const cached = publishedVersions.get(versionId);
  if (cached) return cached;
  const row = await manager.getRepository(WorkflowVersion).findOneByOrFail({ id: versionId });
  const entry = { definition: row.definition as WorkflowDefinition, version: row.version ?? 0 };
  if (row.status !== 'draft') publishedVersions.set(versionId, entry);
  return entry;
}

export async function definitionOf(manager: EntityManager, versionId: string): Promise<WorkflowDefinition> {
  return (await publishedVersion(manager, versionId)).definition;
}

/** The version number (1, 2 …) of a published workflow version. */
export async function versionNumberOf(manager: EntityManager, versionId: string): Promise<number> {
  return (await publishedVersion(manager, versionId)).version;
}

/** Publishes a valid definition as the workflow's next version (creating the workflow if new). */
export async function publishDefinition(
  manager: EntityManager,
  definition: WorkflowDefinition,
  publishedBy: string | null,
): Promise<WorkflowVersion> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(Workflow)
    .values({ id: definition.id, name: definition.name, regime: definition.regime })
    .orUpdate(['name', 'regime'], ['id'])
    .execute();
  const versions = manager.getRepository(WorkflowVersion);
  const [{ next }] = await manager.query(
    `SELECT coalesce(max(version), 0) + 1 AS next FROM workflow_version WHERE workflow_id = $1`,
    [definition.id],
  );
  await versions.update({ workflowId: definition.id, status: 'published' }, { status: 'archived' });
  return versions.save({
    workflowId: definition.id,
    version: next,
    status: 'published',
    definition,
    definitionHash: hashDefinition(definition),
    savedBy: publishedBy,
    publishedBy,
    publishedAt: new Date(),
  });
}

@Injectable()
export class WorkflowsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<Workflow[]> {
    return this.dataSource.getRepository(Workflow).find({ order: { id: 'ASC' } });
  }

  async get(id: string): Promise<Workflow> {
    const workflow = await this.dataSource.getRepository(Workflow).findOneBy({ id });
    if (!workflow) throw notFound('workflow', id);
    return workflow;
  }

  /** The published and archived versions of several workflows, newest first (for a list of workflows). */
  versionsOf(workflowIds: readonly string[]): Promise<WorkflowVersion[]> {
    return this.dataSource.getRepository(WorkflowVersion).find({
      where: { workflowId: In([...workflowIds]), status: In(['published', 'archived']) },
      relations: { publishedByUser: true },
      order: { workflowId: 'ASC', version: 'DESC' },
    });
  }

  /** The drafts of several workflows (at most one each). */
  draftsOf(workflowIds: readonly string[]): Promise<WorkflowVersion[]> {
    return this.dataSource.getRepository(WorkflowVersion).find({
      where: { workflowId: In([...workflowIds]), status: 'draft' },
      relations: { savedByUser: true },
    });
  }

  /**
   * Saves the administrator's draft. A definition that is not a workflow at all is refused; one with
   * problems (an unreachable stage while editing) is kept with its problems, and cannot be published.
   */
  async saveDraft(actor: Actor, input: SaveWorkflowDraftInput): Promise<WorkflowVersion> {
    const result = validateWorkflow(input.definition, {
      knownRoles: await roleNames(this.dataSource.manager),
    });
    if (!result.definition) {
      throw refusal('VALIDATION_FAILED', `The definition is not a workflow: ${summarise(result.errors)}`, {
        fields: fieldsOf(result.errors),
      });
    }
    if (result.definition.id !== input.workflowId) {
      throw refusal(
        'VALIDATION_FAILED',
        `The definition's id is "${result.definition.id}" but it is saved as workflow "${input.workflowId}"; they must match.`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.getRepository(Workflow).findOneBy({ id: input.workflowId });
      if (existing && existing.regime !== result.definition?.regime) {
        throw refusal(
          'VALIDATION_FAILED',
          `Workflow "${existing.id}" is for ${existing.regime}; a draft cannot change its regime to ${result.definition?.regime}.`,
        );
      }
      if (!existing) {
        const regime = result.definition?.regime ?? '';
        await manager.getRepository(Workflow).insert({
          id: input.workflowId,
          name: result.definition?.name ?? input.workflowId,
          regime,
        });
        await restrictFromTheStart(manager, { id: input.workflowId, regime }, changeActor(actor));
      }
      const versions = manager.getRepository(WorkflowVersion);
      const draft = await versions
        .createQueryBuilder('v')
        .setLock('pessimistic_write')
        .where('v.workflow_id = :id AND v.status = :status', { id: input.workflowId, status: 'draft' })
        .getOne();
      const fields = {
        definition: input.definition,
        definitionHash: hashDefinition(input.definition),
        savedBy: actor.id,
        savedAt: new Date(),
      };
      if (!draft) {
        if (input.baseRevision != null) {
          throw refusal(
            'VERSION_CONFLICT',
            'The draft you edited has been published or discarded by someone else since you opened it. Reload to see the current version; your changes are still in your editor.',
            { currentVersion: null },
          );
        }
        return versions.save({
          workflowId: input.workflowId,
          status: 'draft',
          version: null,
          revision: 1,
          ...fields,
        });
      }
      if (input.baseRevision !== draft.revision) {
        throw refusal(
          'VERSION_CONFLICT',
          `Someone else saved this draft (now revision ${draft.revision}) since you opened revision ${input.baseRevision ?? 'none'}. Reload to see their changes; yours are still in your editor.`,
          { currentVersion: draft.revision },
        );
      }
      await versions.update({ id: draft.id }, { ...fields, revision: draft.revision + 1 });
      return versions.findOneByOrFail({ id: draft.id });
    });
  }

  async publish(actor: Actor, input: PublishWorkflowInput): Promise<WorkflowVersion> {
    return this.dataSource.transaction(async (manager) => {
      const draft = await manager
        .getRepository(WorkflowVersion)
        .createQueryBuilder('v')
        .setLock('pessimistic_write')
        .where('v.workflow_id = :id AND v.status = :status', { id: input.workflowId, status: 'draft' })
        .getOne();
      if (!draft) {
        throw refusal('NOT_FOUND', `Workflow "${input.workflowId}" has no draft to publish.`, {
          id: input.workflowId,
        });
      }
      if (draft.revision !== input.revision) {
        throw refusal(
          'VERSION_CONFLICT',
          `The draft is now at revision ${draft.revision}, not ${input.revision}: someone saved it since. Review their changes before publishing.`,
          { currentVersion: draft.revision },
        );
      }
      const result = validateWorkflow(draft.definition, { knownRoles: await roleNames(manager) });
      if (!result.valid || !result.definition) {
        throw refusal(
          'VALIDATION_FAILED',
          `The draft has ${result.errors.length} error${result.errors.length === 1 ? '; fix it' : 's; fix them'} before publishing. ${summarise(result.errors)}`,
          { fields: fieldsOf(result.errors) },
        );
      }
      await manager.getRepository(WorkflowVersion).delete({ id: draft.id });
      await manager
        .getRepository(Workflow)
        .update({ id: input.workflowId }, { name: result.definition.name });
      return publishDefinition(manager, result.definition, actor.id);
    });
  }

  /**
   * Creates a workflow with a first draft: a blank skeleton, a copy of another workflow, or an
   * imported definition (which must be valid; every problem is listed and nothing is saved otherwise).
   */
  async create(actor: Actor, input: CreateWorkflowInput): Promise<Workflow> {
    const problems: { field: string; message: string }[] = [];
    if (!/^[a-z][a-z0-9-]*$/.test(input.id))
      problems.push({
        field: 'id',
        message: `"${input.id}" is not an id: use lower-case letters, digits and hyphens, starting with a letter.`,
      });
    if (input.name.trim() === '') problems.push({ field: 'name', message: 'The name is empty.' });
    if (!(REGIMES as readonly string[]).includes(input.regime))
      problems.push({
        field: 'regime',
        message: `"${input.regime}" is not a regime: use one of ${REGIMES.join(', ')}.`,
      });
    if (input.copyFrom != null && input.definition != null)
      problems.push({ field: 'copyFrom', message: 'Copy a workflow or import a definition, not both.' });
    if (problems.length > 0) {
      throw refusal('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join(' '), {
        fields: problems,
      });
    }
    const definition = await this.startingDefinition(input);
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query(
        'INSERT INTO workflow (id, name, regime) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id',
        [input.id, definition.name, definition.regime],
      );
      if (inserted.length === 0) {
        throw refusal('VALIDATION_FAILED', `There is already a workflow "${input.id}": choose another id.`, {
          fields: [{ field: 'id', message: 'already taken' }],
        });
      }
      await restrictFromTheStart(
        manager,
        { id: input.id, regime: definition.regime as string },
        changeActor(actor),
      );
      await manager.getRepository(WorkflowVersion).save({
        workflowId: input.id,
        status: 'draft',
        version: null,
        revision: 1,
        definition,
        definitionHash: hashDefinition(definition),
        savedBy: actor.id,
        savedAt: new Date(),
      });
      return manager.getRepository(Workflow).findOneByOrFail({ id: input.id });
    });
  }

  /** The first draft's definition, with the id and name given. */
  private async startingDefinition(input: CreateWorkflowInput): Promise<Record<string, unknown>> {
    const named = (definition: Record<string, unknown>) => ({
      ...definition,
      id: input.id,
      name: input.name.trim(),
    });
    if (input.definition != null) {
      if (input.definition.regime !== input.regime) {
        throw refusal(
          'VALIDATION_FAILED',
          `The imported definition is for ${String(input.definition.regime)}, not ${input.regime}.`,
          { fields: [{ field: 'regime', message: 'does not match the definition' }] },
        );
      }
      const definition = named(input.definition);
      const result = validateWorkflow(definition, { knownRoles: await roleNames(this.dataSource.manager) });
      if (!result.valid) {
        throw refusal(
          'VALIDATION_FAILED',
          `The imported workflow has ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; nothing was saved. ${summarise(result.errors)}`,
          { fields: fieldsOf(result.errors) },
        );
      }
      return definition;
    }
    if (input.copyFrom != null) {
      const source = await this.get(input.copyFrom);
      if (source.regime !== input.regime) {
        throw refusal(
          'VALIDATION_FAILED',
          `Workflow "${source.id}" is for ${source.regime}; a copy keeps its regime, not ${input.regime}.`,
          { fields: [{ field: 'regime', message: 'does not match the copied workflow' }] },
        );
      }
      const [published] = await this.versionsOf([source.id]);
      const [draft] = await this.draftsOf([source.id]);
      const from = published?.status === 'published' ? published : (draft ?? published);
      if (!from)
        throw refusal('NOT_FOUND', `Workflow "${source.id}" has no version to copy.`, { id: source.id });
      return named(from.definition as Record<string, unknown>);
    }
    return blankDefinition(input.id, input.name.trim(), input.regime as Regime);
  }

  async problems(definition: unknown) {
    const result = validateWorkflow(definition, { knownRoles: await roleNames(this.dataSource.manager) });
    return { errors: result.errors, warnings: result.warnings };
  }
}

/**
 * A new workflow's skeleton: received, then closed, with the regime's usual clock. It is a draft to
 * build on: the validator names the statutory stages still to add before it can be published.
 */
function blankDefinition(id: string, name: string, regime: Regime): Record<string, unknown> {
  const { law, defaultLimit } = describeRegime(regime);
  return {
    id,
    name,
    regime,
    initialStage: 'received',
    onCreate: [{ name: 'clock.start', params: { ...defaultLimit, label: `Response due (${law})` } }],
    stages: [
      {
        id: 'received',
        label: 'Received',
        kind: 'received',
        position: { x: 0, y: 0 },
        initialStep: 'new',
        steps: [
          { id: 'new', label: 'New', position: { x: 0, y: 0 } },
          {
            id: 'withdrawn',
            label: 'Withdrawn',
            final: true,
            outcome: 'withdrawn',
            position: { x: 190, y: 0 },
          },
        ],
        transitions: [
          {
            id: 'withdraw',
            event: 'WITHDRAW',
            label: 'Record that the request was withdrawn',
            from: 'new',
            to: 'withdrawn',
            roles: ['officer'],
          },
        ],
        routes: [
          {
            outcome: 'withdrawn',
            to: 'closed',
            label: 'Withdrawn',
            actions: [{ name: 'case.close', params: { outcome: 'withdrawn' } }],
          },
        ],
      },
      { id: 'closed', label: 'Closed', kind: 'closed', final: true, position: { x: 0, y: 160 }, steps: [] },
    ],
  };
}

/** A definition's problems in the one VALIDATION_FAILED scheme: the path is the field. */
const fieldsOf = (problems: { path: string; message: string; code: string }[]) =>
  problems.map((p) => ({ field: p.path, message: p.message, code: p.code }));

function summarise(problems: { path: string; message: string }[]): string {
  const shown = problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
  return shown.join(' ') + (problems.length > 5 ? ` … and ${problems.length - 5} more.` : '');
}

/** Built-in and administrator-defined role names, which transitions may name. */
async function roleNames(manager: EntityManager): Promise<string[]> {
  return (await manager.getRepository(RoleDefinition).find()).map((role) => role.name);
}
