// D1 and D2 for every root field: authenticate, then check the privilege the operation needs.
// Resolvers are wrapped with `guarded(operation, resolve)` so no root field can forget it.
import { ACTIONS, allows, type Operation } from '../auth/actions.ts';
import type { Principal } from '../auth/principal.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { Context } from '../context.ts';

export function authorize(ctx: Context, operation: Operation): Principal {
  const principal = ctx.principal;
  if (!principal) throw new UnauthenticatedError();
  const [action, access] = ACTIONS[operation];
  if (!allows(principal.privileges, access)) throw new ForbiddenError(action, principal.name);
  return principal;
}

export function guarded<P, A, R>(
  operation: Operation,
  resolve: (args: A, ctx: Context, principal: Principal, parent: P) => R,
): (parent: P, args: A, ctx: Context) => R {
  return (parent, args, ctx) => resolve(args, ctx, authorize(ctx, operation), parent);
}
