/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query SimulatorHolidays { holidays { date title divisions } }\n": typeof types.SimulatorHolidaysDocument,
    "\n  query EditorWorkflow($id: ID!) {\n    workflow(id: $id) {\n      id\n      name\n      regime\n      published { version definition }\n      draft { revision definition savedAt savedBy { name } }\n      versions { id version status publishedAt publishedBy { name } definition definitionHash }\n    }\n  }\n": typeof types.EditorWorkflowDocument,
    "\n  query CurrentDraft($id: ID!) {\n    workflow(id: $id) {\n      draft { revision definition savedAt savedBy { name } }\n      published { version }\n    }\n  }\n": typeof types.CurrentDraftDocument,
    "\n  mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {\n    saveWorkflowDraft(input: $input) { revision savedAt }\n  }\n": typeof types.SaveWorkflowDraftDocument,
    "\n  mutation PublishWorkflow($input: PublishWorkflowInput!) {\n    publishWorkflow(input: $input) { version publishedAt }\n  }\n": typeof types.PublishWorkflowDocument,
    "\n  query WorkflowList {\n    workflows {\n      id\n      name\n      regime\n      published { version publishedAt }\n      draft { revision savedAt savedBy { name } errors { message } }\n    }\n  }\n": typeof types.WorkflowListDocument,
};
const documents: Documents = {
    "\n  query SimulatorHolidays { holidays { date title divisions } }\n": types.SimulatorHolidaysDocument,
    "\n  query EditorWorkflow($id: ID!) {\n    workflow(id: $id) {\n      id\n      name\n      regime\n      published { version definition }\n      draft { revision definition savedAt savedBy { name } }\n      versions { id version status publishedAt publishedBy { name } definition definitionHash }\n    }\n  }\n": types.EditorWorkflowDocument,
    "\n  query CurrentDraft($id: ID!) {\n    workflow(id: $id) {\n      draft { revision definition savedAt savedBy { name } }\n      published { version }\n    }\n  }\n": types.CurrentDraftDocument,
    "\n  mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {\n    saveWorkflowDraft(input: $input) { revision savedAt }\n  }\n": types.SaveWorkflowDraftDocument,
    "\n  mutation PublishWorkflow($input: PublishWorkflowInput!) {\n    publishWorkflow(input: $input) { version publishedAt }\n  }\n": types.PublishWorkflowDocument,
    "\n  query WorkflowList {\n    workflows {\n      id\n      name\n      regime\n      published { version publishedAt }\n      draft { revision savedAt savedBy { name } errors { message } }\n    }\n  }\n": types.WorkflowListDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimulatorHolidays { holidays { date title divisions } }\n"): typeof import('./graphql').SimulatorHolidaysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorWorkflow($id: ID!) {\n    workflow(id: $id) {\n      id\n      name\n      regime\n      published { version definition }\n      draft { revision definition savedAt savedBy { name } }\n      versions { id version status publishedAt publishedBy { name } definition definitionHash }\n    }\n  }\n"): typeof import('./graphql').EditorWorkflowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentDraft($id: ID!) {\n    workflow(id: $id) {\n      draft { revision definition savedAt savedBy { name } }\n      published { version }\n    }\n  }\n"): typeof import('./graphql').CurrentDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {\n    saveWorkflowDraft(input: $input) { revision savedAt }\n  }\n"): typeof import('./graphql').SaveWorkflowDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishWorkflow($input: PublishWorkflowInput!) {\n    publishWorkflow(input: $input) { version publishedAt }\n  }\n"): typeof import('./graphql').PublishWorkflowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowList {\n    workflows {\n      id\n      name\n      regime\n      published { version publishedAt }\n      draft { revision savedAt savedBy { name } errors { message } }\n    }\n  }\n"): typeof import('./graphql').WorkflowListDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
