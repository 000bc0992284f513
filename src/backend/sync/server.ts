import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { uuidv7 } from '../../core/ids'
import { hlcToString } from '../../core/hlc'
import { normalizeKey } from '../../core/text'
import { encodeInvitation, type Invitation } from './invitation'

/**
 * The chapter server: schema `sync` in any PostgreSQL 15+. It stores the
 * current value of every shared cell (not every edit ever made), a log of the
 * values that lost a concurrent edit, the chapters and their members. Members
 * log in with their own role; row-level security (enabled and forced) lets a
 * member read and write only the cells of chapters they belong to, and of
 * those only the chapter-scoped ones or their own private ones.
 *
 * Versions: `schema_version` is what this file creates; a server with a newer
 * one is refused by older apps (and by an older `chapter init`).
 * `min_client_schema` lets a future server turn away apps too old for it.
 */
export const SERVER_SCHEMA_VERSION = 1

/** A cell of a row shared with the whole chapter; any other scope is the role name of its only reader. */
export const SHARED_SCOPE = '*'

/** SQLSTATEs our server code raises (class RM, outside PostgreSQL's own). */
export const SQLSTATE = {
  futureStamp: 'RM001',
  notMember: 'RM002',
  badStamp: 'RM003',
} as const

/** Every statement is idempotent: `chapter init` run again changes nothing. */
export const SERVER_SCHEMA_SQL = String.raw`
CREATE SCHEMA IF NOT EXISTS sync;
REVOKE ALL ON SCHEMA sync FROM PUBLIC;

CREATE TABLE IF NOT EXISTS sync.meta (key text PRIMARY KEY, value text NOT NULL);
INSERT INTO sync.meta (key, value) VALUES ('schema_version', '1'), ('min_client_schema', '1') ON CONFLICT (key) DO NOTHING;

CREATE TABLE IF NOT EXISTS sync.chapters (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  group_role name NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS sync.members (
  chapter_id uuid NOT NULL REFERENCES sync.chapters(id),
  role name NOT NULL,
  name text NOT NULL,
  person_id text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  PRIMARY KEY (chapter_id, role)
);

CREATE SEQUENCE IF NOT EXISTS sync.seq;

CREATE TABLE IF NOT EXISTS sync.cells (
  chapter_id uuid NOT NULL REFERENCES sync.chapters(id),
  tbl text NOT NULL,
  row_id text NOT NULL,
  col text NOT NULL,
  scope text NOT NULL,
  value jsonb,
  hlc text COLLATE "C" NOT NULL,
  author name NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (chapter_id, tbl, row_id, col, scope)
);
CREATE INDEX IF NOT EXISTS cells_by_seq ON sync.cells (chapter_id, seq);

CREATE TABLE IF NOT EXISTS sync.conflicts (
  id bigint PRIMARY KEY DEFAULT nextval('sync.seq'),
  chapter_id uuid NOT NULL REFERENCES sync.chapters(id),
  tbl text NOT NULL,
  row_id text NOT NULL,
  col text NOT NULL,
  scope text NOT NULL,
  value jsonb,
  hlc text COLLATE "C" NOT NULL,
  author name NOT NULL,
  winner_hlc text COLLATE "C" NOT NULL,
  winner_author name NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS conflicts_by_chapter ON sync.conflicts (chapter_id, id);

-- The chapters the logged-in member belongs to (runs as the schema owner, so it reads sync.members whole).
CREATE OR REPLACE FUNCTION sync.my_chapters() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS
  $$ SELECT chapter_id FROM sync.members WHERE role = session_user AND removed_at IS NULL $$;

-- Every write of a cell: a well-formed stamp not more than a day ahead of the server's clock, a fresh
-- sequence number (taken under the chapter's advisory lock, so sequence order is commit order), the author.
CREATE OR REPLACE FUNCTION sync.stamp_cell() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  now_ms bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
BEGIN
  IF NEW.hlc !~ '^[0-9]{15}-[0-9]{6}-[0-9a-z]{1,32}$' THEN
    RAISE EXCEPTION USING ERRCODE = 'RM003', MESSAGE = 'malformed clock stamp ' || NEW.hlc;
  END IF;
  IF left(NEW.hlc, 15)::bigint > now_ms + 86400000 THEN
    RAISE EXCEPTION USING ERRCODE = 'RM001', MESSAGE = 'clock stamp more than a day ahead of the server', DETAIL = now_ms::text;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended(NEW.chapter_id::text, 0));
  NEW.seq := nextval('sync.seq');
  NEW.author := session_user;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS cells_stamp ON sync.cells;
CREATE TRIGGER cells_stamp BEFORE INSERT OR UPDATE ON sync.cells FOR EACH ROW EXECUTE FUNCTION sync.stamp_cell();

-- One push: all cells or none, under the chapter's advisory lock. A cell is written only when its stamp is
-- higher than the stored one (an equal stamp is a retry: a no-op). When the stored value is not the one the
-- member edited (base) the two edits were concurrent: the lower stamp's value goes to sync.conflicts.
CREATE OR REPLACE FUNCTION sync.push(p_chapter uuid, p_cells jsonb) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
  now_ms bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
  bad text;
BEGIN
  IF p_chapter NOT IN (SELECT sync.my_chapters()) THEN
    RAISE EXCEPTION USING ERRCODE = 'RM002', MESSAGE = 'not a member of this chapter';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended(p_chapter::text, 0));
  SELECT x.h INTO bad FROM jsonb_to_recordset(p_cells) AS x(h text)
    WHERE x.h !~ '^[0-9]{15}-[0-9]{6}-[0-9a-z]{1,32}$' OR left(x.h, 15)::bigint > now_ms + 86400000 LIMIT 1;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'RM001', MESSAGE = 'clock stamp more than a day ahead of the server', DETAIL = now_ms::text;
  END IF;
  WITH inc AS (
    SELECT DISTINCT ON (x.t, x.r, x.c, x.s) x.t, x.r, x.c, x.s, x.v, x.h COLLATE "C" AS h, x.b COLLATE "C" AS b, coalesce(x.q, false) AS q
    FROM jsonb_to_recordset(p_cells) AS x(t text, r text, c text, s text, v jsonb, h text, b text, q boolean)
    ORDER BY x.t, x.r, x.c, x.s, x.h COLLATE "C" DESC
  ), cur AS (
    -- Each cell of the batch looks up its stored cell by the primary key (a lateral lookup: the batch drives,
    -- never a scan of the chapter's cells, whatever the statistics say). Bookkeeping cells are not looked up.
    SELECT inc.*, o.value AS ov, o.hlc AS oh, o.author AS oa
    FROM inc CROSS JOIN LATERAL (
      SELECT c.value, c.hlc, c.author FROM sync.cells c
      WHERE c.chapter_id = p_chapter AND c.tbl = inc.t AND c.row_id = inc.r AND c.col = inc.c AND c.scope = inc.s
      OFFSET 0
    ) o
    WHERE NOT inc.q
  ), lost AS (
    INSERT INTO sync.conflicts (chapter_id, tbl, row_id, col, scope, value, hlc, author, winner_hlc, winner_author)
    SELECT p_chapter, t, r, c, s,
           CASE WHEN h > oh THEN ov ELSE v END, CASE WHEN h > oh THEN oh ELSE h END, CASE WHEN h > oh THEN oa ELSE session_user END,
           CASE WHEN h > oh THEN h ELSE oh END, CASE WHEN h > oh THEN session_user ELSE oa END
    FROM cur WHERE NOT q AND oh IS DISTINCT FROM b AND oh <> h AND ov IS DISTINCT FROM v
  ), up AS (
    INSERT INTO sync.cells AS c (chapter_id, tbl, row_id, col, scope, value, hlc, author, seq)
    SELECT p_chapter, t, r, c, s, v, h, session_user, 0 FROM inc
    ON CONFLICT (chapter_id, tbl, row_id, col, scope) DO UPDATE SET value = excluded.value, hlc = excluded.hlc
      WHERE excluded.hlc > c.hlc
    RETURNING 1
  )
  SELECT count(*) INTO n FROM up;
  PERFORM pg_notify('rm_' || replace(p_chapter::text, '-', ''), '');
  RETURN n;
END $$;
-- The lookup above goes through the primary key even while the statistics of a fast-growing table still say
-- it is empty (a scan of the chapter's cells per batch cell made pushes slow down as the table grew).
ALTER FUNCTION sync.push(uuid, jsonb) SET enable_seqscan = off;
ALTER FUNCTION sync.push(uuid, jsonb) SET enable_bitmapscan = off;

ALTER TABLE sync.cells ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync.cells FORCE ROW LEVEL SECURITY;
ALTER TABLE sync.conflicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync.conflicts FORCE ROW LEVEL SECURITY;
ALTER TABLE sync.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync.chapters ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS cells_read ON sync.cells;
CREATE POLICY cells_read ON sync.cells FOR SELECT
  USING (chapter_id IN (SELECT sync.my_chapters()) AND scope IN ('*', session_user::text));
DROP POLICY IF EXISTS cells_insert ON sync.cells;
CREATE POLICY cells_insert ON sync.cells FOR INSERT
  WITH CHECK (chapter_id IN (SELECT sync.my_chapters()) AND scope IN ('*', session_user::text));
DROP POLICY IF EXISTS cells_update ON sync.cells;
CREATE POLICY cells_update ON sync.cells FOR UPDATE
  USING (chapter_id IN (SELECT sync.my_chapters()) AND scope IN ('*', session_user::text))
  WITH CHECK (chapter_id IN (SELECT sync.my_chapters()) AND scope IN ('*', session_user::text));
DROP POLICY IF EXISTS conflicts_read ON sync.conflicts;
CREATE POLICY conflicts_read ON sync.conflicts FOR SELECT
  USING (chapter_id IN (SELECT sync.my_chapters()) AND scope IN ('*', session_user::text));
DROP POLICY IF EXISTS conflicts_insert ON sync.conflicts;
CREATE POLICY conflicts_insert ON sync.conflicts FOR INSERT
  WITH CHECK (chapter_id IN (SELECT sync.my_chapters()) AND scope IN ('*', session_user::text));
DROP POLICY IF EXISTS members_read ON sync.members;
CREATE POLICY members_read ON sync.members FOR SELECT USING (chapter_id IN (SELECT sync.my_chapters()));
DROP POLICY IF EXISTS chapters_read ON sync.chapters;
CREATE POLICY chapters_read ON sync.chapters FOR SELECT USING (id IN (SELECT sync.my_chapters()));

REVOKE ALL ON ALL TABLES IN SCHEMA sync FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA sync FROM PUBLIC;
`

/** What a chapter's group role may do (granted again, idempotently, by every init). */
const grantsFor = (role: string) => {
  const r = ident(role)
  return `
GRANT USAGE ON SCHEMA sync TO ${r};
GRANT SELECT ON sync.meta, sync.chapters, sync.members TO ${r};
GRANT SELECT, INSERT, UPDATE ON sync.cells, sync.conflicts TO ${r};
GRANT USAGE ON SEQUENCE sync.seq TO ${r};
GRANT EXECUTE ON FUNCTION sync.my_chapters(), sync.push(uuid, jsonb), sync.stamp_cell() TO ${r};`
}

export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

export class ChapterAdminError extends Error {}

async function serverVersion(c: pg.ClientBase): Promise<number | null> {
  const has = await c.query(`SELECT to_regclass('sync.meta') IS NOT NULL AS has`)
  if (!has.rows[0].has) return null
  const r = await c.query(`SELECT value FROM sync.meta WHERE key = 'schema_version'`)
  return r.rows[0] ? Number(r.rows[0].value) : null
}

async function checkAdmin(c: pg.ClientBase): Promise<void> {
  const r = await c.query(`SELECT rolsuper, rolbypassrls, rolcreaterole FROM pg_roles WHERE rolname = current_user`)
  const me = r.rows[0] as { rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean } | undefined
  if (!me || !(me.rolsuper || (me.rolbypassrls && me.rolcreaterole)))
    throw new ChapterAdminError('The --db login must be the server admin (a superuser, or a role with CREATEROLE and BYPASSRLS).')
  const v = (await c.query('SHOW server_version_num')).rows[0].server_version_num as string
  if (Number(v) < 150000) throw new ChapterAdminError(`PostgreSQL 15 or newer is needed; this server is ${v}.`)
}

export interface ChapterRow {
  id: string
  name: string
  group_role: string
}

async function findChapter(c: pg.ClientBase, name: string): Promise<ChapterRow | null> {
  const r = await c.query('SELECT id::text AS id, name, group_role FROM sync.chapters WHERE name = $1', [name])
  return (r.rows[0] as ChapterRow | undefined) ?? null
}

/** Creates (or checks) the schema, the chapter, its group role and grants. Running it again changes nothing. */
export async function initChapter(c: pg.ClientBase, chapterName: string): Promise<{ chapter: ChapterRow; created: boolean }> {
  const name = chapterName.trim()
  if (!name) throw new ChapterAdminError('--chapter needs a name.')
  await checkAdmin(c)
  const v = await serverVersion(c)
  if (v !== null && v > SERVER_SCHEMA_VERSION)
    throw new ChapterAdminError(`This server's chapter schema is version ${v}; this tool knows up to ${SERVER_SCHEMA_VERSION}. Use a newer Referral Map.`)
  await c.query('BEGIN')
  try {
    await c.query(`SELECT pg_advisory_xact_lock(hashtextextended('referral-map chapter admin', 0))`)
    await c.query(SERVER_SCHEMA_SQL)
    let chapter = await findChapter(c, name)
    const created = !chapter
    if (!chapter) {
      const id = uuidv7()
      // Role names say nothing about the chapter or the member: any login can list every role (pg_roles).
      const role = `rm_c_${randomBytes(8).toString('hex')}`
      await c.query(`CREATE ROLE ${ident(role)} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`)
      await c.query('INSERT INTO sync.chapters (id, name, group_role) VALUES ($1, $2, $3)', [id, name, role])
      chapter = { id, name, group_role: role }
    }
    for (const r of (await c.query('SELECT group_role FROM sync.chapters')).rows as { group_role: string }[]) await c.query(grantsFor(r.group_role))
    await c.query('COMMIT')
    return { chapter, created }
  } catch (e) {
    await c.query('ROLLBACK')
    throw e
  }
}

async function requireChapter(c: pg.ClientBase, name: string): Promise<ChapterRow> {
  await checkAdmin(c)
  const v = await serverVersion(c)
  if (v === null) throw new ChapterAdminError('This server has no chapter schema yet: run `npm run chapter -- init` first.')
  const ch = await findChapter(c, name.trim())
  if (!ch) throw new ChapterAdminError(`No chapter named "${name}" on this server (run init for it first).`)
  return ch
}

export interface InviteOptions {
  /** Host and port members connect to (default: those of the admin's --db URL). */
  host: string
  port: number
  database: string
  tls: Invitation['tls']
  now?: Date
}

/**
 * Creates the member's own login (in the chapter's group role; never
 * superuser or BYPASSRLS), their person in the chapter network, and returns the
 * invitation. Inviting an active member again gives them a new password (a lost
 * invitation); a removed member comes back with a new login.
 */
export async function inviteMember(c: pg.ClientBase, chapterName: string, memberName: string, opts: InviteOptions): Promise<string> {
  const member = memberName.trim()
  if (!member) throw new ChapterAdminError('--member needs a name.')
  const ch = await requireChapter(c, chapterName)
  const password = randomBytes(24).toString('base64url')
  await c.query('BEGIN')
  try {
    await c.query(`SELECT pg_advisory_xact_lock(hashtextextended('referral-map chapter admin', 0))`)
    const existing = (
      await c.query('SELECT role, person_id FROM sync.members WHERE chapter_id = $1 AND name = $2 AND removed_at IS NULL', [ch.id, member])
    ).rows[0] as { role: string; person_id: string } | undefined
    let role: string
    let personId: string
    if (existing) {
      role = existing.role
      personId = existing.person_id
      await c.query(`ALTER ROLE ${ident(role)} LOGIN PASSWORD ${literal(password)}`)
    } else {
      role = `rm_m_${randomBytes(8).toString('hex')}`
      const earlier = (await c.query('SELECT person_id FROM sync.members WHERE chapter_id = $1 AND name = $2 ORDER BY added_at DESC LIMIT 1', [ch.id, member]))
        .rows[0] as { person_id: string } | undefined
      personId = earlier?.person_id ?? uuidv7()
      await c.query(
        `CREATE ROLE ${ident(role)} LOGIN PASSWORD ${literal(password)} NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION IN ROLE ${ident(ch.group_role)}`,
      )
      await c.query('INSERT INTO sync.members (chapter_id, role, name, person_id) VALUES ($1, $2, $3, $4)', [ch.id, role, member, personId])
      if (!earlier) await writePerson(c, ch.id, personId, member, opts.now ?? new Date())
    }
    await c.query('COMMIT')
    // A new password for an existing member (a lost or leaked invitation): sessions opened with the old one end.
    if (existing) await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [role])
    return encodeInvitation({
      v: 1,
      host: opts.host,
      port: opts.port,
      db: opts.database,
      role,
      password,
      chapterId: ch.id,
      chapter: ch.name,
      member,
      personId,
      tls: opts.tls,
    })
  } catch (e) {
    await c.query('ROLLBACK')
    throw e
  }
}

/** The member as a person of the chapter network (the cells a laptop would push for a new person). */
async function writePerson(c: pg.ClientBase, chapterId: string, personId: string, name: string, now: Date): Promise<void> {
  const hlc = hlcToString({ ms: now.getTime(), counter: 0, node: 'admin' })
  const iso = now.toISOString()
  const row = JSON.stringify([personId])
  const cells: [string, unknown][] = [
    ['_row', 1],
    ['name', name],
    ['name_key', normalizeKey(name)],
    ['created_at', iso],
    ['updated_at', iso],
  ]
  for (const [col, value] of cells)
    await c.query(
      `INSERT INTO sync.cells (chapter_id, tbl, row_id, col, scope, value, hlc, author, seq) VALUES ($1, 'people', $2, $3, '*', $4, $5, session_user, 0)`,
      [chapterId, row, col, JSON.stringify(value), hlc],
    )
}

function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`
}

/** Revokes a member: no login, out of the chapter's role, sessions ended. Their shared edits stay. */
export async function removeMember(c: pg.ClientBase, chapterName: string, memberName: string): Promise<{ roles: string[] }> {
  const ch = await requireChapter(c, chapterName)
  await c.query('BEGIN')
  try {
    const rows = (
      await c.query('UPDATE sync.members SET removed_at = now() WHERE chapter_id = $1 AND name = $2 AND removed_at IS NULL RETURNING role', [
        ch.id,
        memberName.trim(),
      ])
    ).rows as { role: string }[]
    if (rows.length === 0) throw new ChapterAdminError(`No active member named "${memberName}" in "${ch.name}".`)
    for (const r of rows) {
      await c.query(`ALTER ROLE ${ident(r.role)} NOLOGIN`)
      await c.query(`REVOKE ${ident(ch.group_role)} FROM ${ident(r.role)}`)
    }
    await c.query('COMMIT')
    for (const r of rows) await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [r.role])
    return { roles: rows.map((r) => r.role) }
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined)
    throw e
  }
}
