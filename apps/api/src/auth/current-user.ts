import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

/** The signed-in user as the token says, attached to the request by the guard. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  /** As the user row says at this request (not as the token said). */
  roles: string[];
  /** The restricted workflows whose cases this user may not see, as at this request (when the guard made the actor). */
  hiddenWorkflows?: readonly string[];
  /** Every restricted workflow, as at this request (when the guard made the actor). */
  restrictedWorkflows?: readonly string[];
  /** The teams this user is a member of, as at this request (when the guard made the actor). */
  teamIds?: readonly string[];
}

export interface RequestWithActor {
  headers: Record<string, string | string[] | undefined>;
  /** The client's address (behind a proxy only when RECORDFLOW_TRUST_PROXY says so). */
  ip?: string;
  actor?: Actor;
  /** The one session check of this request, shared by the field resolvers that wait on it. */
  actorCheck?: Promise<Actor>;
}

export function requestOf(context: ExecutionContext): RequestWithActor {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithActor }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithActor>();
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | undefined => {
    return requestOf(context).actor;
  },
);
