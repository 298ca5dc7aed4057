import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { CalendarError } from '@recordflow/calendar';
import { WorkflowError } from '@recordflow/workflow';
import { GraphQLError } from 'graphql';
import { DomainError } from './errors';
import { asDomainError, toGraphQLError } from './graphql-errors';

/** Refusals are answers, not faults: hand them to GraphQL with their code, without Nest logging them as errors. */
@Catch(DomainError, WorkflowError, CalendarError, GraphQLError)
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError | WorkflowError | CalendarError | GraphQLError): GraphQLError {
    const refused = asDomainError(error);
    return refused ? toGraphQLError(refused) : (error as GraphQLError);
  }
}
