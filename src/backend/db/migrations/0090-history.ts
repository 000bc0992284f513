/**
 * The change log: every user action that changed something is one row of
 * `history_actions`, and each row it inserted, deleted or each cell it updated is
 * one row of `changes` (table, primary key, column, old value, new value, clock
 * stamp), written in the same transaction as the change itself. Undo and redo
 * replay it; chapter sharing will push from it. `replica` names this copy of the
 * network for the hybrid logical clock.
 */
export default {
  version: 90,
  name: 'history',
  sql: `
      CREATE TABLE replica (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        node_id TEXT NOT NULL
      ) STRICT;
      INSERT INTO replica (id, node_id) VALUES (1, lower(hex(randomblob(8))));
      CREATE TABLE history_actions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('do', 'undo', 'redo', 'auto', 'barrier')),
        channel TEXT NOT NULL,
        label TEXT NOT NULL,
        target_id INTEGER,
        undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
        redone INTEGER NOT NULL DEFAULT 0 CHECK (redone IN (0, 1)),
        hlc TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX history_actions_by_kind ON history_actions(kind, id);
      CREATE TABLE changes (
        seq INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES history_actions(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        tbl TEXT NOT NULL,
        pk TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
        col TEXT,
        old_value ANY,
        new_value ANY,
        hlc TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX changes_by_action ON changes(action_id, seq);
      CREATE INDEX changes_by_row ON changes(tbl, pk, seq);
    `,
}
