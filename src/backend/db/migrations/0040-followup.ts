/**
 * Follow-up loop: asks can be marked answered; rule-made tasks carry a unique key
 * so materialising them twice never duplicates; indexes for "last contacted",
 * "last ask to this client" and "thank-yous for this introduction".
 */
export default {
  version: 40,
  name: 'followup',
  sql: `
      ALTER TABLE interactions ADD COLUMN answered_at TEXT;
      ALTER TABLE tasks ADD COLUMN rule_key TEXT;
      CREATE UNIQUE INDEX tasks_by_rule_key ON tasks(rule_key) WHERE rule_key IS NOT NULL;
      CREATE INDEX interactions_by_person_kind ON interactions(person_id, kind, date) WHERE deleted_at IS NULL;
      CREATE INDEX interactions_contact_by_person ON interactions(person_id, date)
        WHERE deleted_at IS NULL AND kind IN ('one_to_one', 'meeting', 'call');
    `,
}
