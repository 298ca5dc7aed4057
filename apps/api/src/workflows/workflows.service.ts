import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashDefinition, validateWorkflow, type WorkflowDefinition } from '@recordflow/workflow';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/current-user';
import { notFound, refusal } from '../common/errors';
import { RoleDefinition } from '../people/role.entity';
import type { PublishWorkflowInput, SaveWorkflowDraftInput } from './dto/save-workflow-draft.input';
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
        await manager.getRepository(Workflow).insert({
          id: input.workflowId,
          name: result.definition?.name ?? input.workflowId,
          regime: result.definition?.regime ?? '',
        });
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

  async problems(definition: unknown) {
    const result = validateWorkflow(definition, { knownRoles: await roleNames(this.dataSource.manager) });
    return { errors: result.errors, warnings: result.warnings };
  }
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
