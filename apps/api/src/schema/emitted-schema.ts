import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';

/** The SDL the running app serves, sorted as committed in schema.gql. */
export function emittedSchema(app: INestApplication): string {
  return `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
}
