/**
 * Merging two people: the person merged away is soft-deleted and remembers the
 * one they were merged into, so a later merge of networks (or an undo) can
 * follow references to them.
 */
export default {
  version: 60,
  name: 'person-merge',
  sql: `
      ALTER TABLE people ADD COLUMN merged_into_id TEXT REFERENCES people(id);
      CREATE INDEX people_by_merged_into ON people(merged_into_id) WHERE merged_into_id IS NOT NULL;
    `,
}
