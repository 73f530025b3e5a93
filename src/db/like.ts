// Elasticsearch-style `*` wildcards as SQL LIKE patterns, shared by job expressions and task lists.

/** `*` becomes `%`; LIKE's own metacharacters (and its escape) match literally. */
export function toLike(pattern: string): string {
  return pattern.replace(/[\\%_]/g, (c) => '\\' + c).replace(/\*/g, '%');
}
