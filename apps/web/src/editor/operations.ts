import { graphql } from '../gql';

export const EditorWorkflowQuery = graphql(`
  query EditorWorkflow($id: ID!) {
    workflow(id: $id) {
      id
      name
      regime
      published { version definition }
      draft { revision definition savedAt savedBy { name } }
      versions { id version status publishedAt publishedBy { name } definition definitionHash }
    }
  }
`);

export const CurrentDraftQuery = graphql(`
  query CurrentDraft($id: ID!) {
    workflow(id: $id) {
      draft { revision definition savedAt savedBy { name } }
      published { version }
    }
  }
`);

export const SaveDraftMutation = graphql(`
  mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {
    saveWorkflowDraft(input: $input) { revision savedAt }
  }
`);

export const PublishMutation = graphql(`
  mutation PublishWorkflow($input: PublishWorkflowInput!) {
    publishWorkflow(input: $input) { version publishedAt }
  }
`);

export const WorkflowListQuery = graphql(`
  query WorkflowList {
    workflows {
      id
      name
      regime
      published { version publishedAt }
      draft { revision savedAt savedBy { name } errors { message } }
    }
  }
`);
