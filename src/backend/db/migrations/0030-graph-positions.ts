/**
 * Where each person sits on the network map, so a familiar map does not jump
 * around between sessions. One row per placed person (keyed by the person:
 * a position has no identity of its own); removed with the person.
 */
export default {
  version: 30,
  name: 'graph-positions',
  sql: `
      CREATE TABLE graph_positions (
        person_id TEXT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
        x REAL NOT NULL,
        y REAL NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
}
