import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '../users/user.entity';

/** The signed-in user as the token says, attached to the request by the guard. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

export interface RequestWithActor {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
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
