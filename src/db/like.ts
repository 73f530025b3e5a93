// Elasticsearch-style `*` wildcards as SQL LIKE patterns, shared by job expressions and task lists.

/** The same pattern as a regular expression, for matching in the process (change feeds' filters). */
export function wildcardRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\*]/g, (c) => (c === '*' ? '.*' : '\\' + c))}$`, 's');
}

/** `*` becomes `%`; LIKE's own metacharacters (and its escape) match literally. */
export function toLike(pattern: string): string {
  return pattern.replace(/[\\%_]/g, (c) => '\\' + c).replace(/\*/g, '%');
}
