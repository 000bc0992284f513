/**
 * The foundation schema. Conventions: STRICT tables, UUIDv7 text ids,
 * ISO-8601 UTC timestamps in created_at/updated_at, soft deletes (deleted_at)
 * for rows other rows refer to, calendar dates as YYYY-MM-DD, money as integer
 * minor units.
 */
export default {
  version: 10,
  name: 'init',
  sql: `
      PRAGMA application_id = 1380339024;

      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_key TEXT NOT NULL,
        company TEXT,
        profession TEXT,
        email TEXT,
        email_key TEXT,
        phone TEXT,
        website TEXT,
        city TEXT,
        ideal_client TEXT,
        how_met TEXT,
        introduced_by_id TEXT REFERENCES people(id),
        notes TEXT,
        is_me INTEGER NOT NULL DEFAULT 0 CHECK (is_me IN (0, 1)),
        cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX people_one_me ON people(is_me) WHERE is_me = 1 AND deleted_at IS NULL;
      CREATE INDEX people_by_name ON people(name_key, id) WHERE deleted_at IS NULL;
      CREATE INDEX people_by_email ON people(email_key) WHERE email_key IS NOT NULL;
      CREATE INDEX people_by_updated ON people(updated_at) WHERE deleted_at IS NULL;
      CREATE INDEX people_by_company ON people(company COLLATE NOCASE) WHERE deleted_at IS NULL;
      CREATE INDEX people_by_introducer ON people(introduced_by_id) WHERE introduced_by_id IS NOT NULL;

      CREATE TABLE person_tags (
        person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        tag_key TEXT NOT NULL,
        PRIMARY KEY (person_id, tag_key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX person_tags_by_tag ON person_tags(tag_key, person_id);

      CREATE TABLE groups (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        kind TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX groups_by_name ON groups(name COLLATE NOCASE) WHERE deleted_at IS NULL;

      CREATE TABLE memberships (
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        PRIMARY KEY (group_id, person_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX memberships_by_person ON memberships(person_id, group_id);

      CREATE TABLE introductions (
        id TEXT PRIMARY KEY,
        referrer_id TEXT NOT NULL REFERENCES people(id),
        receiver_id TEXT NOT NULL REFERENCES people(id),
        prospect_id TEXT NOT NULL REFERENCES people(id),
        date TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('referral', 'introduction', 'lead')),
        origin TEXT NOT NULL CHECK (origin IN ('inbound', 'outbound')),
        warmth INTEGER CHECK (warmth IS NULL OR warmth BETWEEN 1 AND 5),
        needs_service INTEGER CHECK (needs_service IS NULL OR needs_service IN (0, 1)),
        fits_profile INTEGER CHECK (fits_profile IS NULL OR fits_profile IN (0, 1)),
        accepted INTEGER CHECK (accepted IS NULL OR accepted IN (0, 1)),
        status TEXT NOT NULL CHECK (status IN ('new', 'contacted', 'meeting', 'proposal', 'won', 'lost', 'not_a_fit')),
        status_date TEXT NOT NULL,
        value_minor INTEGER CHECK (value_minor IS NULL OR value_minor >= 0),
        currency TEXT,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        CHECK (referrer_id <> receiver_id)
      ) STRICT;
      CREATE INDEX intros_by_date ON introductions(date, id) WHERE deleted_at IS NULL;
      CREATE INDEX intros_by_referrer ON introductions(referrer_id, date) WHERE deleted_at IS NULL;
      CREATE INDEX intros_by_receiver ON introductions(receiver_id, date) WHERE deleted_at IS NULL;
      CREATE INDEX intros_by_prospect ON introductions(prospect_id, date) WHERE deleted_at IS NULL;
      CREATE INDEX intros_by_status ON introductions(status, status_date) WHERE deleted_at IS NULL;

      CREATE TABLE introduction_status_history (
        id TEXT PRIMARY KEY,
        introduction_id TEXT NOT NULL REFERENCES introductions(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('new', 'contacted', 'meeting', 'proposal', 'won', 'lost', 'not_a_fit')),
        date TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX status_history_by_intro ON introduction_status_history(introduction_id, date);

      CREATE TABLE interactions (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES people(id),
        kind TEXT NOT NULL CHECK (kind IN ('one_to_one', 'call', 'meeting', 'email', 'thank_you', 'ask', 'note')),
        date TEXT NOT NULL,
        method TEXT,
        introduction_id TEXT REFERENCES introductions(id),
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX interactions_by_person ON interactions(person_id, date) WHERE deleted_at IS NULL;
      CREATE INDEX interactions_by_intro ON interactions(introduction_id, kind) WHERE introduction_id IS NOT NULL AND deleted_at IS NULL;
      CREATE INDEX interactions_by_kind ON interactions(kind, date) WHERE deleted_at IS NULL;

      CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        person_id TEXT REFERENCES people(id),
        introduction_id TEXT REFERENCES introductions(id),
        interaction_id TEXT REFERENCES interactions(id),
        due_date TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dismissed')),
        done_at TEXT,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX tasks_open_by_due ON tasks(status, due_date) WHERE deleted_at IS NULL;
      CREATE INDEX tasks_by_person ON tasks(person_id) WHERE person_id IS NOT NULL;
      CREATE INDEX tasks_by_interaction ON tasks(interaction_id) WHERE interaction_id IS NOT NULL;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
}
