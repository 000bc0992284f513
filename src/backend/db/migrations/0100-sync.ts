/**
 * Chapter sharing, the laptop's side. A network file that joined a chapter has
 * one `sync_state` row (the chapter, the member's own login, the pull cursor,
 * how far the change log has been drained into the outbox). `sync_outbox` holds
 * cells not yet acknowledged by the server (one per cell: a later edit of the
 * same cell replaces the value but keeps the clock it was based on);
 * `sync_clock` the clock stamp of every shared cell; `sync_pending` cells of
 * rows that are not complete yet (a page ended mid-row); `sync_parked` cells of
 * tables or columns this version does not know (applied after an upgrade);
 * `sync_conflicts` values that lost a concurrent edit, restorable.
 * `sync_not_duplicates` pairs of introductions the member said are not the same slip; two indexes find
 * possible duplicates among the newest introductions without scanning them all.
 * `barrier_seen`: the last bulk change (import, merge, restore) whose new rows were queued.
 * `private_notes` holds what never reaches another member: a private note on a
 * person, introduction or interaction, and the flag that makes a whole record
 * private.
 */
export default {
  version: 100,
  name: 'sync',
  sql: `
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        chapter_id TEXT NOT NULL,
        chapter_name TEXT NOT NULL,
        member_name TEXT NOT NULL,
        person_id TEXT NOT NULL,
        role TEXT NOT NULL,
        invitation TEXT NOT NULL,
        cursor INTEGER NOT NULL DEFAULT 0,
        conflict_cursor INTEGER NOT NULL DEFAULT 0,
        drained_seq INTEGER NOT NULL DEFAULT 0,
        barrier_seen INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
        status_reason TEXT,
        last_sync_at TEXT,
        last_error TEXT,
        offline INTEGER NOT NULL DEFAULT 0 CHECK (offline IN (0, 1)),
        members TEXT NOT NULL DEFAULT '[]',
        joined_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sync_outbox (
        id INTEGER PRIMARY KEY,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        col TEXT NOT NULL,
        scope TEXT NOT NULL,
        value TEXT,
        hlc TEXT NOT NULL,
        base TEXT,
        quiet INTEGER NOT NULL DEFAULT 0 CHECK (quiet IN (0, 1)),
        UNIQUE (tbl, row_id, col, scope)
      ) STRICT;
      CREATE TABLE sync_clock (
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        col TEXT NOT NULL,
        hlc TEXT NOT NULL,
        PRIMARY KEY (tbl, row_id, col)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE sync_pending (
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        col TEXT NOT NULL,
        value TEXT,
        PRIMARY KEY (tbl, row_id, col)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE sync_parked (
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        col TEXT NOT NULL,
        scope TEXT NOT NULL,
        value TEXT,
        hlc TEXT NOT NULL,
        PRIMARY KEY (tbl, row_id, col, scope)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE sync_conflicts (
        id INTEGER PRIMARY KEY,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        col TEXT NOT NULL,
        value TEXT,
        hlc TEXT NOT NULL,
        author TEXT NOT NULL,
        winner_hlc TEXT NOT NULL,
        winner_author TEXT NOT NULL,
        at TEXT NOT NULL,
        resolved TEXT CHECK (resolved IS NULL OR resolved IN ('restored', 'dismissed'))
      ) STRICT;
      CREATE INDEX sync_conflicts_open ON sync_conflicts(id) WHERE resolved IS NULL;
      CREATE INDEX sync_intros_by_created ON introductions(created_at) WHERE deleted_at IS NULL;
      CREATE TABLE sync_not_duplicates (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        PRIMARY KEY (a, b)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE private_notes (
        tbl TEXT NOT NULL CHECK (tbl IN ('people', 'introductions', 'interactions')),
        row_id TEXT NOT NULL,
        notes TEXT,
        is_private INTEGER NOT NULL DEFAULT 0 CHECK (is_private IN (0, 1)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (tbl, row_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX private_notes_private ON private_notes(tbl, row_id) WHERE is_private = 1;
    `,
}
