/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type PublishWorkflowInput = {
  /** The draft revision being published, so an unseen save is not published. */
  revision: number;
  workflowId: string | number;
};

export type SaveWorkflowDraftInput = {
  /** The draft revision this edit started from; omit only when there is no draft yet. */
  baseRevision?: number | null | undefined;
  /** The whole definition, as in workflows/schema.json. */
  definition: Record<string, unknown>;
  /** The workflow's id; a new id creates a new workflow. */
  workflowId: string | number;
};

export type SimulatorHolidaysQueryVariables = Exact<{ [key: string]: never; }>;


export type SimulatorHolidaysQuery = { holidays: Array<{ date: string, title: string, divisions: Array<string> }> };

export type EditorWorkflowQueryVariables = Exact<{
  id: string | number;
}>;


export type EditorWorkflowQuery = { workflow: { id: string, name: string, regime: string, published: { version: number, definition: Record<string, unknown> } | null, draft: { revision: number, definition: Record<string, unknown>, savedAt: string, savedBy: { name: string } | null } | null, versions: Array<{ id: string, version: number, status: string, publishedAt: string | null, definition: Record<string, unknown>, definitionHash: string, publishedBy: { name: string } | null }> } };

export type CurrentDraftQueryVariables = Exact<{
  id: string | number;
}>;


export type CurrentDraftQuery = { workflow: { draft: { revision: number, definition: Record<string, unknown>, savedAt: string, savedBy: { name: string } | null } | null, published: { version: number } | null } };

export type SaveWorkflowDraftMutationVariables = Exact<{
  input: SaveWorkflowDraftInput;
}>;


export type SaveWorkflowDraftMutation = { saveWorkflowDraft: { revision: number, savedAt: string } };

export type PublishWorkflowMutationVariables = Exact<{
  input: PublishWorkflowInput;
}>;


export type PublishWorkflowMutation = { publishWorkflow: { version: number, publishedAt: string | null } };

export type WorkflowListQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkflowListQuery = { workflows: Array<{ id: string, name: string, regime: string, published: { version: number, publishedAt: string | null } | null, draft: { revision: number, savedAt: string, savedBy: { name: string } | null, errors: Array<{ message: string }> } | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const SimulatorHolidaysDocument = new TypedDocumentString(`
    query SimulatorHolidays {
  holidays {
    date
    title
    divisions
  }
}
    `) as unknown as TypedDocumentString<SimulatorHolidaysQuery, SimulatorHolidaysQueryVariables>;
export const EditorWorkflowDocument = new TypedDocumentString(`
    query EditorWorkflow($id: ID!) {
  workflow(id: $id) {
    id
    name
    regime
    published {
      version
      definition
    }
    draft {
      revision
      definition
      savedAt
      savedBy {
        name
      }
    }
    versions {
      id
      version
      status
      publishedAt
      publishedBy {
        name
      }
      definition
      definitionHash
    }
  }
}
    `) as unknown as TypedDocumentString<EditorWorkflowQuery, EditorWorkflowQueryVariables>;
export const CurrentDraftDocument = new TypedDocumentString(`
    query CurrentDraft($id: ID!) {
  workflow(id: $id) {
    draft {
      revision
      definition
      savedAt
      savedBy {
        name
      }
    }
    published {
      version
    }
  }
}
    `) as unknown as TypedDocumentString<CurrentDraftQuery, CurrentDraftQueryVariables>;
export const SaveWorkflowDraftDocument = new TypedDocumentString(`
    mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {
  saveWorkflowDraft(input: $input) {
    revision
    savedAt
  }
}
    `) as unknown as TypedDocumentString<SaveWorkflowDraftMutation, SaveWorkflowDraftMutationVariables>;
export const PublishWorkflowDocument = new TypedDocumentString(`
    mutation PublishWorkflow($input: PublishWorkflowInput!) {
  publishWorkflow(input: $input) {
    version
    publishedAt
  }
}
    `) as unknown as TypedDocumentString<PublishWorkflowMutation, PublishWorkflowMutationVariables>;
export const WorkflowListDocument = new TypedDocumentString(`
    query WorkflowList {
  workflows {
    id
    name
    regime
    published {
      version
      publishedAt
    }
    draft {
      revision
      savedAt
      savedBy {
        name
      }
      errors {
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WorkflowListQuery, WorkflowListQueryVariables>;