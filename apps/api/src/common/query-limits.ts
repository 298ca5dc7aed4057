import {
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  visit,
} from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Deepest nesting a query may have: GraphiQL's introspection query reaches 13, the web app 6. */
export const MAX_DEPTH = 15;
/** Most fields a query may ask for, lists counted by their page size. */
export const MAX_COMPLEXITY = 2000;

function depthOf(
  selection: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  let deepest = 0;
  for (const node of selection?.selections ?? []) {
    if (node.kind === Kind.FIELD) {
      deepest = Math.max(deepest, 1 + depthOf(node.selectionSet, fragments, seen));
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(node.selectionSet, fragments, seen));
    } else if (!seen.has(node.name.value)) {
      // A fragment cycle is refused by GraphQL's own rules; `seen` only stops this walk from looping.
      const fragment = fragments[node.name.value];
      deepest = Math.max(
        deepest,
        depthOf(fragment?.selectionSet, fragments, new Set([...seen, node.name.value])),
      );
    }
  }
  return deepest;
}

/** Refuses an operation nested deeper than MAX_DEPTH, introspection included (graphql-depth-limit skips it). */
export function depthRule(context: ValidationContext) {
  const document = context.getDocument();
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return {
    OperationDefinition(node: ASTNode & { selectionSet: SelectionSetNode }) {
      const depth = depthOf(node.selectionSet, fragments, new Set());
      if (depth > MAX_DEPTH) {
        context.reportError(
          new GraphQLError(
            `The query is nested ${depth} levels deep; the limit is ${MAX_DEPTH}. Ask for less at once.`,
            {
              nodes: [node],
            },
          ),
        );
      }
    },
  };
}

/** Counts a list field as its page size (`first`) times its children, so one request cannot ask for everything. */
function pageEstimator({
  args,
  childComplexity,
}: {
  args: Record<string, unknown>;
  childComplexity: number;
}) {
  return typeof args.first === 'number' ? args.first * Math.max(childComplexity, 1) : undefined;
}

interface ResolvedOperation {
  request: { operationName?: string | null; variables?: Record<string, unknown> | null };
  document: DocumentNode;
  schema: GraphQLSchema;
  /** Unset when operationName names no operation of the document; execution then says so. */
  operation?: unknown;
}

/** Per parsed document (Apollo reuses the object for the same text): the variables its `first` arguments use, and results. */
const complexityCache = new WeakMap<
  DocumentNode,
  { pageVariables: string[]; results: Map<string, number> }
>();

/** The variables given as a page size or to @include/@skip: the only ones a complexity depends on. */
function pageVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Field(node) {
      for (const argument of node.arguments ?? []) {
        if (argument.name.value === 'first' && argument.value.kind === Kind.VARIABLE)
          names.add(argument.value.name.value);
      }
    },
    Directive(node) {
      for (const argument of node.arguments ?? []) {
        if (argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
      }
    },
  });
  return [...names];
}

/** The operation's complexity, computed once per document, operation and page size. */
function complexityOf({ request, document, schema }: ResolvedOperation): number {
  let cached = complexityCache.get(document);
  if (!cached) {
    cached = { pageVariables: pageVariablesOf(document), results: new Map() };
    complexityCache.set(document, cached);
  }
  const variables = request.variables ?? {};
  const key = JSON.stringify([
    request.operationName ?? null,
    ...cached.pageVariables.map((name) => variables[name]),
  ]);
  const known = cached.results.get(key);
  if (known !== undefined) return known;
  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      operationName: request.operationName ?? undefined,
      query: document,
      variables,
      estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // Variables that do not fit their types: execution refuses them as BAD_USER_INPUT (HTTP 400), naming the variable.
    if (error instanceof GraphQLError) return 0;
    throw error;
  }
  if (cached.results.size < 100) cached.results.set(key, complexity);
  return complexity;
}

/** An Apollo Server plugin refusing operations above MAX_COMPLEXITY before they run. */
export const complexityPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation(operation: ResolvedOperation) {
        if (!operation.operation) return;
        const complexity = complexityOf(operation);
        if (complexity > MAX_COMPLEXITY) {
          throw new GraphQLError(
            `This query is too large (complexity ${complexity}, the limit is ${MAX_COMPLEXITY}). Ask for fewer fields or a smaller page.`,
            {
              extensions: {
                code: 'BAD_USER_INPUT',
                complexity,
                maxComplexity: MAX_COMPLEXITY,
                // Refused before it runs: the request is at fault, not the server.
                http: { status: 400 },
              },
            },
          );
        }
      },
    };
  },
};
