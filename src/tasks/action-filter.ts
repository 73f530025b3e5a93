// An `actions` filter, as tasks(actions) and tasksConnection take it: a comma list of action
// names with `*` wildcards (at most 50), matched in SQL (LIKE) or in the process (change feeds).
import { toLike, wildcardRegExp } from '../db/like.ts';

const actionList = (actions: string | null | undefined) =>
  (actions ?? '*')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .slice(0, 50);

/** The LIKE patterns of an `actions` list, or none for every action. */
export const actionPatterns = (actions: string | null | undefined): string[] => actionList(actions).map(toLike);

/** The same patterns as regular expressions, for matching a task in the process. */
export const actionRegExps = (actions: string | null | undefined): RegExp[] => actionList(actions).map(wildcardRegExp);
