/* ocop-migrations.c: the schema, one step per version
 *
 * Copyright 2026 The OCOP Council authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each step runs in its own transaction together with `PRAGMA user_version = N`.
 * Never edit a step that has shipped: add a new one.
 *
 * Conventions: STRICT tables; dates are ISO-8601 text (YYYY-MM-DD) checked with
 * date(); timestamps are ISO-8601 UTC text; points are REAL; every range has a CHECK.
 * Locks (a finalised meeting, a submitted sheet) are enforced by triggers that raise
 * "locked: …", which ocop-db.c maps to OCOP_DB_ERROR_LOCKED.
 */

#define G_LOG_DOMAIN "ocop-migrations"

#include "config.h"

#include "ocop-db-private.h"

/* date () passes 2024-02-30 through unchanged; with a modifier it normalises it. */
#define DATE_OK(col) "(" col " IS NULL OR (length(" col ") = 10 AND date(" col ", '+0 days') IS " col "))"

static const char schema_v1[] =
  /* ---- criteria sets: the legal sheets as data ---- */
  "CREATE TABLE criteria_set ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),"
  "  legal_basis TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  version TEXT NOT NULL,"
  "  effective_from TEXT NOT NULL CHECK " DATE_OK ("effective_from") ","
  "  effective_to TEXT CHECK " DATE_OK ("effective_to") ","
  "  total_max REAL NOT NULL CHECK (total_max > 0),"
  "  spread_limit REAL NOT NULL CHECK (spread_limit >= 0),"
  "  recognised_min_stars INTEGER NOT NULL CHECK (recognised_min_stars BETWEEN 1 AND 5),"
  "  source_json TEXT NOT NULL,"      /* the file as imported: the snapshot councils scored on */
  "  imported_at TEXT NOT NULL,"
  "  CHECK (effective_to IS NULL OR effective_to >= effective_from)"
  ") STRICT;"

  "CREATE TABLE star_band ("
  "  set_id INTEGER NOT NULL REFERENCES criteria_set (id) ON DELETE CASCADE,"
  "  stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),"
  "  min_score REAL NOT NULL CHECK (min_score >= 0),"
  "  description TEXT,"
  "  PRIMARY KEY (set_id, stars)"
  ") STRICT;"

  "CREATE TABLE criteria_sheet ("
  "  id INTEGER PRIMARY KEY,"
  "  set_id INTEGER NOT NULL REFERENCES criteria_set (id) ON DELETE CASCADE,"
  "  code TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  ordinal INTEGER NOT NULL CHECK (ordinal >= 0),"
  "  UNIQUE (set_id, code)"
  ") STRICT;"

  /* Every leaf and group criterion, with its path, so that answers and statistics can
   * join on it. The full tree (notes, rules, sections) lives in source_json. */
  "CREATE TABLE criterion ("
  "  id INTEGER PRIMARY KEY,"
  "  sheet_id INTEGER NOT NULL REFERENCES criteria_sheet (id) ON DELETE CASCADE,"
  "  parent_id INTEGER REFERENCES criterion (id) ON DELETE CASCADE,"
  "  part TEXT NOT NULL CHECK (length(part) BETWEEN 1 AND 8),"
  "  code TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  max_points REAL NOT NULL CHECK (max_points >= 0),"
  "  leaf_index INTEGER CHECK (leaf_index IS NULL OR leaf_index >= 0),"
  "  ordinal INTEGER NOT NULL CHECK (ordinal >= 0),"
  "  UNIQUE (sheet_id, code)"
  ") STRICT;"
  "CREATE UNIQUE INDEX criterion_leaf ON criterion (sheet_id, leaf_index) WHERE leaf_index IS NOT NULL;"

  "CREATE TABLE criterion_option ("
  "  id INTEGER PRIMARY KEY,"
  "  criterion_id INTEGER NOT NULL REFERENCES criterion (id) ON DELETE CASCADE,"
  "  ordinal INTEGER NOT NULL CHECK (ordinal >= 0),"
  "  label TEXT NOT NULL,"
  "  points REAL NOT NULL CHECK (points >= 0),"
  "  UNIQUE (criterion_id, ordinal)"
  ") STRICT;"
  /* Points within the option's criterion: a CHECK cannot see another table. */
  "CREATE TRIGGER criterion_option_points_in_range BEFORE INSERT ON criterion_option "
  "WHEN NEW.points > (SELECT max_points FROM criterion WHERE id = NEW.criterion_id) "
  "BEGIN SELECT RAISE (ABORT, 'CHECK constraint failed: option points above the criterion maximum'); END;"
  "CREATE TRIGGER criterion_option_points_update BEFORE UPDATE OF points ON criterion_option "
  "WHEN NEW.points > (SELECT max_points FROM criterion WHERE id = NEW.criterion_id) "
  "BEGIN SELECT RAISE (ABORT, 'CHECK constraint failed: option points above the criterion maximum'); END;"

  /* ---- the registry ---- */
  "CREATE TABLE producer ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  subject_type TEXT NOT NULL CHECK (subject_type IN ('cooperative', 'enterprise', 'cooperative-group', 'household')),"
  "  address TEXT,"
  "  commune TEXT,"
  "  district TEXT,"
  "  province TEXT,"
  "  representative TEXT,"
  "  phone TEXT,"
  "  tax_code TEXT,"
  "  search_key TEXT NOT NULL DEFAULT '',"   /* folded: lower case, no diacritics */
  "  sort_key BLOB,"                          /* Vietnamese collation key */
  "  is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX producer_sort ON producer (sort_key);"
  "CREATE INDEX producer_locality ON producer (province, district, commune);"
  "CREATE INDEX producer_type ON producer (subject_type);"

  "CREATE TABLE product ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT UNIQUE CHECK (code IS NULL OR code GLOB '[0-9A-Za-z]*-[0-9A-Za-z]*-[0-9]*-[0-9][0-9][0-9][0-9]'),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  product_set TEXT NOT NULL CHECK (length(product_set) BETWEEN 1 AND 16),"  /* sheet code, '01' … '26' */
  "  producer_id INTEGER NOT NULL REFERENCES producer (id) ON DELETE RESTRICT,"
  "  evaluation_type TEXT NOT NULL DEFAULT 'new' CHECK (evaluation_type IN ('new', 'upgrade', 're-evaluation')),"
  "  proposed_stars INTEGER CHECK (proposed_stars IS NULL OR proposed_stars BETWEEN 1 AND 5),"
  "  year INTEGER CHECK (year IS NULL OR year BETWEEN 2018 AND 2100),"
  "  description TEXT,"
  "  search_key TEXT NOT NULL DEFAULT '',"
  "  sort_key BLOB,"
  "  is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX product_producer ON product (producer_id);"
  "CREATE INDEX product_set ON product (product_set);"
  "CREATE INDEX product_sort ON product (sort_key);"

  /* ---- councils ---- */
  "CREATE TABLE council ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  level TEXT NOT NULL CHECK (level IN ('commune', 'district', 'province', 'central')),"
  "  regime TEXT NOT NULL CHECK (regime IN ('1048', '148', '148-1489')),"
  "  locality TEXT,"
  "  decision TEXT,"                         /* the decision that established it */
  "  decision_date TEXT CHECK " DATE_OK ("decision_date") ","
  "  secretary_scores INTEGER NOT NULL DEFAULT 0 CHECK (secretary_scores IN (0, 1)),"
  "  advisory_scores INTEGER NOT NULL DEFAULT 0 CHECK (advisory_scores IN (0, 1)),"
  "  quorum_share REAL NOT NULL DEFAULT 0.6666666666666666 CHECK (quorum_share > 0 AND quorum_share <= 1),"
  "  chair_required INTEGER NOT NULL DEFAULT 1 CHECK (chair_required IN (0, 1)),"
  "  is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),"
  "  created_at TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE member ("
  "  id INTEGER PRIMARY KEY,"
  "  council_id INTEGER NOT NULL REFERENCES council (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  role TEXT NOT NULL CHECK (role IN ('chair', 'vice-chair', 'member', 'secretary', 'advisory')),"
  "  title TEXT,"                            /* position and organisation */
  "  ordinal INTEGER NOT NULL DEFAULT 0 CHECK (ordinal >= 0),"
  "  UNIQUE (council_id, name)"
  ") STRICT;"
  "CREATE INDEX member_council ON member (council_id);"

  /* ---- meetings ---- */
  "CREATE TABLE meeting ("
  "  id INTEGER PRIMARY KEY,"
  "  council_id INTEGER NOT NULL REFERENCES council (id) ON DELETE RESTRICT,"
  "  set_id INTEGER NOT NULL REFERENCES criteria_set (id) ON DELETE RESTRICT,"
  "  date TEXT NOT NULL CHECK " DATE_OK ("date") ","
  "  place TEXT,"
  "  title TEXT,"
  "  state TEXT NOT NULL DEFAULT 'preparing' CHECK (state IN ('preparing', 'scoring', 'finalised')),"
  "  finalised_at TEXT,"
  "  is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  CHECK ((state = 'finalised') = (finalised_at IS NOT NULL))"
  ") STRICT;"
  "CREATE INDEX meeting_council ON meeting (council_id);"
  "CREATE INDEX meeting_date ON meeting (date);"

  "CREATE TABLE agenda_item ("
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE RESTRICT,"
  "  ordinal INTEGER NOT NULL CHECK (ordinal >= 0),"
  "  round INTEGER NOT NULL DEFAULT 1 CHECK (round BETWEEN 1 AND 9),"   /* the current scoring round */
  "  PRIMARY KEY (meeting_id, product_id)"
  ") STRICT;"
  "CREATE INDEX agenda_product ON agenda_item (product_id);"

  "CREATE TABLE attendance ("
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
  "  present INTEGER NOT NULL CHECK (present IN (0, 1)),"
  "  PRIMARY KEY (meeting_id, member_id)"
  ") STRICT;"

  "CREATE TABLE conflict ("
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
  "  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),"
  "  declared_at TEXT NOT NULL,"
  "  PRIMARY KEY (meeting_id, member_id, product_id)"
  ") STRICT;"

  /* ---- score sheets: one per member × product × round ---- */
  "CREATE TABLE score_sheet ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE RESTRICT,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE RESTRICT,"
  "  round INTEGER NOT NULL DEFAULT 1 CHECK (round BETWEEN 1 AND 9),"
  "  sheet_id INTEGER NOT NULL REFERENCES criteria_sheet (id) ON DELETE RESTRICT,"
  "  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted')),"
  "  knocked_out INTEGER NOT NULL DEFAULT 0 CHECK (knocked_out IN (0, 1)),"
  "  knockout_note TEXT,"
  "  comment TEXT,"
  "  entered_by TEXT,"                       /* who typed a paper sheet, if not the member */
  "  checked_by TEXT,"                       /* second-person check of a typed sheet */
  "  total REAL NOT NULL DEFAULT 0 CHECK (total >= 0 AND total <= 1000),"
  "  submitted_at TEXT,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (meeting_id, member_id, product_id, round),"
  "  CHECK ((state = 'submitted') = (submitted_at IS NOT NULL))"
  ") STRICT;"
  "CREATE INDEX score_sheet_product ON score_sheet (meeting_id, product_id, round);"

  "CREATE TABLE answer ("
  "  score_sheet_id INTEGER NOT NULL REFERENCES score_sheet (id) ON DELETE CASCADE,"
  "  criterion_id INTEGER NOT NULL REFERENCES criterion (id) ON DELETE RESTRICT,"
  "  option_id INTEGER NOT NULL REFERENCES criterion_option (id) ON DELETE RESTRICT,"
  "  answered_at TEXT NOT NULL,"
  "  PRIMARY KEY (score_sheet_id, criterion_id)"
  ") STRICT, WITHOUT ROWID;"
  /* The option must belong to the criterion. */
  "CREATE TRIGGER answer_option_matches BEFORE INSERT ON answer "
  "WHEN (SELECT criterion_id FROM criterion_option WHERE id = NEW.option_id) IS NOT NEW.criterion_id "
  "BEGIN SELECT RAISE (ABORT, 'CHECK constraint failed: the option does not belong to the criterion'); END;"
  "CREATE TRIGGER answer_option_matches_update BEFORE UPDATE ON answer "
  "WHEN (SELECT criterion_id FROM criterion_option WHERE id = NEW.option_id) IS NOT NEW.criterion_id "
  "BEGIN SELECT RAISE (ABORT, 'CHECK constraint failed: the option does not belong to the criterion'); END;"

  "CREATE TABLE stop_condition ("
  "  score_sheet_id INTEGER NOT NULL REFERENCES score_sheet (id) ON DELETE CASCADE,"
  "  code TEXT NOT NULL,"
  "  PRIMARY KEY (score_sheet_id, code)"
  ") STRICT, WITHOUT ROWID;"

  /* ---- results: the council's computed result per product and round ---- */
  "CREATE TABLE result ("
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE RESTRICT,"
  "  round INTEGER NOT NULL CHECK (round BETWEEN 1 AND 9),"
  "  score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1000)),"
  "  part_means TEXT,"                       /* JSON object {\"A\": 31.2, …} */
  "  stars INTEGER CHECK (stars IS NULL OR stars BETWEEN 1 AND 5),"
  "  outcome TEXT NOT NULL CHECK (outcome IN ('incomplete', 'rescore', 'not-passed', 'recognised', 'proposed', 'returned')),"
  "  spread REAL CHECK (spread IS NULL OR spread >= 0),"
  "  n_counted INTEGER NOT NULL DEFAULT 0 CHECK (n_counted >= 0),"
  "  reasons TEXT,"
  "  computed_at TEXT NOT NULL,"
  "  PRIMARY KEY (meeting_id, product_id, round)"
  ") STRICT;"
  "CREATE INDEX result_product ON result (product_id);"
  "CREATE INDEX result_stars ON result (stars, outcome);"

  /* ---- the audit log: append-only ---- */
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
  "  actor TEXT,"
  "  entity TEXT NOT NULL,"
  "  entity_id TEXT NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'submit', 'reopen', 'finalise', 'rescore')),"
  "  detail TEXT"
  ") STRICT;"
  "CREATE INDEX audit_entity ON audit_log (entity, entity_id);"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
  "BEGIN SELECT RAISE (ABORT, 'locked: the audit log is append-only'); END;"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
  "BEGIN SELECT RAISE (ABORT, 'locked: the audit log is append-only'); END;"

  /* Who acts: one row, set by ocop_db_set_actor () for the running session. */
  "CREATE TABLE session_actor ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  actor TEXT"
  ") STRICT;"
  "INSERT INTO session_actor (id, actor) VALUES (1, NULL);"

  /* Every change to answers, sheets and results is appended to the log. */
  "CREATE TRIGGER audit_answer_insert AFTER INSERT ON answer BEGIN "
  "  INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
  "    (SELECT actor FROM session_actor LIMIT 1), 'answer', NEW.score_sheet_id || ':' || NEW.criterion_id, 'insert',"
  "    json_object('option', NEW.option_id)); END;"
  "CREATE TRIGGER audit_answer_update AFTER UPDATE ON answer BEGIN "
  "  INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
  "    (SELECT actor FROM session_actor LIMIT 1), 'answer', NEW.score_sheet_id || ':' || NEW.criterion_id, 'update',"
  "    json_object('from', OLD.option_id, 'to', NEW.option_id)); END;"
  "CREATE TRIGGER audit_answer_delete AFTER DELETE ON answer BEGIN "
  "  INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
  "    (SELECT actor FROM session_actor LIMIT 1), 'answer', OLD.score_sheet_id || ':' || OLD.criterion_id, 'delete',"
  "    json_object('option', OLD.option_id)); END;"
  "CREATE TRIGGER audit_sheet_insert AFTER INSERT ON score_sheet BEGIN "
  "  INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
  "    (SELECT actor FROM session_actor LIMIT 1), 'score_sheet', NEW.id, 'insert',"
  "    json_object('meeting', NEW.meeting_id, 'member', NEW.member_id, 'product', NEW.product_id, 'round', NEW.round)); END;"
  "CREATE TRIGGER audit_sheet_update AFTER UPDATE ON score_sheet "
  "WHEN OLD.state IS NOT NEW.state OR OLD.knocked_out IS NOT NEW.knocked_out OR OLD.comment IS NOT NEW.comment "
  "  OR OLD.checked_by IS NOT NEW.checked_by OR OLD.knockout_note IS NOT NEW.knockout_note BEGIN "
  "  INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
  "    (SELECT actor FROM session_actor LIMIT 1), 'score_sheet', NEW.id,"
  "    CASE WHEN OLD.state = 'draft' AND NEW.state = 'submitted' THEN 'submit'"
  "         WHEN OLD.state = 'submitted' AND NEW.state = 'draft' THEN 'reopen' ELSE 'update' END,"
  "    json_object('state', NEW.state, 'knocked_out', NEW.knocked_out, 'comment', NEW.comment,"
  "                'checked_by', NEW.checked_by)); END;"
  "CREATE TRIGGER audit_sheet_delete AFTER DELETE ON score_sheet BEGIN "
  "  INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
  "    (SELECT actor FROM session_actor LIMIT 1), 'score_sheet', OLD.id, 'delete', NULL); END;"
  "CREATE TRIGGER audit_result_insert AFTER INSERT ON result BEGIN "
  "  INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
  "    (SELECT actor FROM session_actor LIMIT 1), 'result', NEW.meeting_id || ':' || NEW.product_id || ':' || NEW.round,"
  "    'insert', json_object('score', NEW.score, 'stars', NEW.stars, 'outcome', NEW.outcome)); END;"
  "CREATE TRIGGER audit_result_update AFTER UPDATE ON result "
  "WHEN OLD.score IS NOT NEW.score OR OLD.stars IS NOT NEW.stars OR OLD.outcome IS NOT NEW.outcome BEGIN "
  "  INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
  "    (SELECT actor FROM session_actor LIMIT 1), 'result', NEW.meeting_id || ':' || NEW.product_id || ':' || NEW.round,"
  "    'update', json_object('score', NEW.score, 'stars', NEW.stars, 'outcome', NEW.outcome)); END;"
  "CREATE TRIGGER audit_meeting_finalise AFTER UPDATE OF state ON meeting "
  "WHEN NEW.state = 'finalised' AND OLD.state IS NOT 'finalised' BEGIN "
  "  INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
  "    (SELECT actor FROM session_actor LIMIT 1), 'meeting', NEW.id, 'finalise', NULL); END;"

  /* ---- locks ---- */
  /* A finalised meeting is immutable, with everything that hangs off it. */
  "CREATE TRIGGER meeting_locked_update BEFORE UPDATE ON meeting WHEN OLD.state = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER meeting_locked_delete BEFORE DELETE ON meeting WHEN OLD.state = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER agenda_locked_insert BEFORE INSERT ON agenda_item "
  "WHEN (SELECT state FROM meeting WHERE id = NEW.meeting_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER agenda_locked_update BEFORE UPDATE ON agenda_item "
  "WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER agenda_locked_delete BEFORE DELETE ON agenda_item "
  "WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER attendance_locked_insert BEFORE INSERT ON attendance "
  "WHEN (SELECT state FROM meeting WHERE id = NEW.meeting_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER attendance_locked_update BEFORE UPDATE ON attendance "
  "WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER conflict_locked_insert BEFORE INSERT ON conflict "
  "WHEN (SELECT state FROM meeting WHERE id = NEW.meeting_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER conflict_locked_delete BEFORE DELETE ON conflict "
  "WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER sheet_locked_insert BEFORE INSERT ON score_sheet "
  "WHEN (SELECT state FROM meeting WHERE id = NEW.meeting_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER sheet_locked_update BEFORE UPDATE ON score_sheet "
  "WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER sheet_locked_delete BEFORE DELETE ON score_sheet "
  "WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  /* A submitted sheet's answers cannot change until it is reopened (with a reason). */
  "CREATE TRIGGER answer_locked_insert BEFORE INSERT ON answer "
  "WHEN (SELECT state FROM score_sheet WHERE id = NEW.score_sheet_id) = 'submitted' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the score sheet is submitted'); END;"
  "CREATE TRIGGER answer_locked_update BEFORE UPDATE ON answer "
  "WHEN (SELECT state FROM score_sheet WHERE id = OLD.score_sheet_id) = 'submitted' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the score sheet is submitted'); END;"
  "CREATE TRIGGER answer_locked_delete BEFORE DELETE ON answer "
  "WHEN (SELECT state FROM score_sheet WHERE id = OLD.score_sheet_id) = 'submitted' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the score sheet is submitted'); END;"
  "CREATE TRIGGER attendance_locked_delete BEFORE DELETE ON attendance "
  "WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER conflict_locked_update BEFORE UPDATE ON conflict "
  "WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  /* Answers and stop conditions of any sheet of a finalised meeting. */
  "CREATE TRIGGER answer_meeting_locked_insert BEFORE INSERT ON answer "
  "WHEN (SELECT m.state FROM score_sheet s JOIN meeting m ON m.id = s.meeting_id WHERE s.id = NEW.score_sheet_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER answer_meeting_locked_update BEFORE UPDATE ON answer "
  "WHEN (SELECT m.state FROM score_sheet s JOIN meeting m ON m.id = s.meeting_id WHERE s.id = OLD.score_sheet_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER answer_meeting_locked_delete BEFORE DELETE ON answer "
  "WHEN (SELECT m.state FROM score_sheet s JOIN meeting m ON m.id = s.meeting_id WHERE s.id = OLD.score_sheet_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER stop_condition_locked_insert BEFORE INSERT ON stop_condition "
  "WHEN (SELECT s.state = 'submitted' OR m.state = 'finalised' FROM score_sheet s JOIN meeting m ON m.id = s.meeting_id"
  "      WHERE s.id = NEW.score_sheet_id) "
  "BEGIN SELECT RAISE (ABORT, 'locked: the score sheet is submitted or its meeting finalised'); END;"
  "CREATE TRIGGER stop_condition_locked_delete BEFORE DELETE ON stop_condition "
  "WHEN (SELECT s.state = 'submitted' OR m.state = 'finalised' FROM score_sheet s JOIN meeting m ON m.id = s.meeting_id"
  "      WHERE s.id = OLD.score_sheet_id) "
  "BEGIN SELECT RAISE (ABORT, 'locked: the score sheet is submitted or its meeting finalised'); END;"
  "CREATE TRIGGER result_locked_insert BEFORE INSERT ON result "
  "WHEN (SELECT state FROM meeting WHERE id = NEW.meeting_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER result_locked_update BEFORE UPDATE ON result "
  "WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "CREATE TRIGGER result_locked_delete BEFORE DELETE ON result "
  "WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) = 'finalised' "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  ;

/* Step 2: recognition decisions, certificates and their register, the issuing keys.
 *
 * An issued certificate is never edited or deleted: its row is locked by triggers from
 * the moment it is inserted. Revocations and supersessions are separate append-only rows;
 * a certificate's state on a given day (valid, expiring, expired, revoked, superseded) is
 * derived from them and from valid_until (see ocop-certificate.h).
 *
 * The issuing key's secret stays in this database file (signing_key.secret_key): whoever
 * can read the file can sign certificates. Keys are never deleted, so that certificates
 * signed with an old key still verify. */
static const char schema_v2[] =
  /* One row: how certificate numbers are made. {seq} is the certificate's sequence number
   * within its year of issue ({seq:3} pads it to 3 digits), {year} that year. */
  "CREATE TABLE certificate_settings ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  number_pattern TEXT NOT NULL CHECK (length(number_pattern) BETWEEN 5 AND 64 AND instr(number_pattern, '{seq') > 0),"
  "  validity_months INTEGER NOT NULL DEFAULT 36 CHECK (validity_months BETWEEN 1 AND 120),"
  "  notice_days INTEGER NOT NULL DEFAULT 30 CHECK (notice_days BETWEEN 1 AND 365)"
  ") STRICT;"
  "INSERT INTO certificate_settings (id, number_pattern) VALUES (1, '{seq}/GCN-OCOP-{year}');"

  /* The issuing authority's Ed25519 key pair (libsodium); one active key per authority. */
  "CREATE TABLE signing_key ("
  "  id INTEGER PRIMARY KEY,"
  "  authority TEXT NOT NULL CHECK (length(trim(authority)) > 0),"
  "  authority_key TEXT NOT NULL,"             /* folded, for matching a decision's authority */
  "  public_key BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),"
  "  secret_key BLOB NOT NULL CHECK (length(secret_key) = 64),"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
  "  created_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE UNIQUE INDEX signing_key_active ON signing_key (authority_key) WHERE active = 1;"
  "CREATE TRIGGER signing_key_no_delete BEFORE DELETE ON signing_key "
  "BEGIN SELECT RAISE (ABORT, 'locked: a signing key is kept so that its certificates still verify'); END;"
  "CREATE TRIGGER signing_key_no_update BEFORE UPDATE ON signing_key "
  "WHEN NEW.public_key IS NOT OLD.public_key OR NEW.secret_key IS NOT OLD.secret_key "
  "  OR NEW.authority IS NOT OLD.authority OR NEW.created_at IS NOT OLD.created_at OR NEW.active > OLD.active "
  "BEGIN SELECT RAISE (ABORT, 'locked: a signing key can only be retired'); END;"
  "CREATE TRIGGER audit_signing_key_insert AFTER INSERT ON signing_key BEGIN "
  "  INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
  "    (SELECT actor FROM session_actor LIMIT 1), 'signing_key', NEW.id, 'insert',"
  "    json_object('authority', NEW.authority, 'public_key', hex(NEW.public_key))); END;"
  "CREATE TRIGGER audit_signing_key_retire AFTER UPDATE OF active ON signing_key "
  "WHEN OLD.active = 1 AND NEW.active = 0 BEGIN "
  "  INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
  "    (SELECT actor FROM session_actor LIMIT 1), 'signing_key', NEW.id, 'update', json_object('active', 0)); END;"

  /* The people's committee's recognition decision (Quyết định công nhận). Numbers restart
   * every year and every authority numbers its own: unique per authority and year. */
  "CREATE TABLE decision ("
  "  id INTEGER PRIMARY KEY,"
  "  number TEXT NOT NULL CHECK (length(trim(number)) BETWEEN 1 AND 64),"
  "  date TEXT NOT NULL CHECK " DATE_OK ("date") ","
  "  authority TEXT NOT NULL CHECK (length(trim(authority)) > 0),"
  "  signer_title TEXT,"
  "  signer_name TEXT,"
  "  meeting_id INTEGER REFERENCES meeting (id) ON DELETE RESTRICT,"
  "  is_imported INTEGER NOT NULL DEFAULT 0 CHECK (is_imported IN (0, 1)),"
  "  created_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE UNIQUE INDEX decision_number ON decision (number, authority, substr(date, 1, 4));"
  "CREATE INDEX decision_meeting ON decision (meeting_id);"
  "CREATE INDEX decision_date ON decision (date);"

  "CREATE TABLE certificate ("
  "  id INTEGER PRIMARY KEY,"
  "  number TEXT UNIQUE CHECK (number IS NULL OR length(trim(number)) BETWEEN 1 AND 64),"
  "  seq INTEGER CHECK (seq IS NULL OR seq >= 1),"   /* the {seq} of the number pattern */
  "  decision_id INTEGER NOT NULL REFERENCES decision (id) ON DELETE RESTRICT,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE RESTRICT,"
  "  meeting_id INTEGER,"
  "  round INTEGER CHECK (round IS NULL OR round BETWEEN 1 AND 9),"
  "  stars INTEGER NOT NULL CHECK (stars BETWEEN 3 AND 5),"
  "  score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1000)),"
  "  issued_on TEXT NOT NULL CHECK " DATE_OK ("issued_on") ","
  "  valid_until TEXT NOT NULL CHECK " DATE_OK ("valid_until") ","
  /* What was printed, as it was on the day of issue. */
  "  product_name TEXT NOT NULL CHECK (length(trim(product_name)) > 0),"
  "  producer_name TEXT NOT NULL CHECK (length(trim(producer_name)) > 0),"
  "  producer_address TEXT,"
  "  commune TEXT,"
  "  district TEXT,"
  "  province TEXT,"
  "  subject_type TEXT NOT NULL CHECK (subject_type IN ('cooperative', 'enterprise', 'cooperative-group', 'household')),"
  "  payload TEXT UNIQUE,"                      /* the signed QR text, OCOP1|…|signature */
  "  key_id INTEGER REFERENCES signing_key (id) ON DELETE RESTRICT,"
  "  is_imported INTEGER NOT NULL DEFAULT 0 CHECK (is_imported IN (0, 1)),"
  "  is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),"
  "  search_key TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  FOREIGN KEY (meeting_id, product_id, round) REFERENCES result (meeting_id, product_id, round) ON DELETE RESTRICT,"
  "  CHECK ((meeting_id IS NULL) = (round IS NULL)),"
  "  CHECK (valid_until > issued_on),"
  /* Issued here: numbered, signed and from a meeting; imported history may be neither. */
  "  CHECK (is_imported = 1 OR (number IS NOT NULL AND payload IS NOT NULL AND key_id IS NOT NULL AND meeting_id IS NOT NULL)),"
  "  CHECK ((payload IS NULL) = (key_id IS NULL))"
  ") STRICT;"
  "CREATE UNIQUE INDEX certificate_meeting_product ON certificate (meeting_id, product_id) WHERE meeting_id IS NOT NULL;"
  "CREATE UNIQUE INDEX certificate_seq ON certificate (substr(issued_on, 1, 4), seq) WHERE seq IS NOT NULL;"
  "CREATE INDEX certificate_product ON certificate (product_id, issued_on);"
  "CREATE INDEX certificate_decision ON certificate (decision_id);"
  "CREATE INDEX certificate_valid_until ON certificate (valid_until);"
  "CREATE INDEX certificate_issued_on ON certificate (issued_on);"
  "CREATE INDEX certificate_stars ON certificate (stars, valid_until);"
  "CREATE INDEX certificate_locality ON certificate (province, district);"

  /* Append-only: a certificate's end before its term. */
  "CREATE TABLE certificate_revocation ("
  "  certificate_id INTEGER PRIMARY KEY REFERENCES certificate (id) ON DELETE RESTRICT,"
  "  revoked_on TEXT NOT NULL CHECK " DATE_OK ("revoked_on") ","
  "  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),"
  "  created_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE certificate_supersession ("
  "  certificate_id INTEGER PRIMARY KEY REFERENCES certificate (id) ON DELETE RESTRICT,"
  "  superseded_by INTEGER NOT NULL REFERENCES certificate (id) ON DELETE RESTRICT,"
  "  superseded_on TEXT NOT NULL CHECK " DATE_OK ("superseded_on") ","
  "  created_at TEXT NOT NULL,"
  "  CHECK (superseded_by <> certificate_id)"
  ") STRICT;"
  "CREATE INDEX certificate_supersession_by ON certificate_supersession (superseded_by);"

  /* Consistency the CHECKs cannot see. */
  "CREATE TRIGGER certificate_revocation_dates BEFORE INSERT ON certificate_revocation "
  "WHEN NEW.revoked_on < (SELECT issued_on FROM certificate WHERE id = NEW.certificate_id) "
  "BEGIN SELECT RAISE (ABORT, 'CHECK constraint failed: a certificate cannot be revoked before it was issued'); END;"
  "CREATE TRIGGER certificate_supersession_product BEFORE INSERT ON certificate_supersession "
  "WHEN (SELECT product_id FROM certificate WHERE id = NEW.certificate_id) IS NOT "
  "     (SELECT product_id FROM certificate WHERE id = NEW.superseded_by) "
  "  OR NEW.superseded_on < (SELECT issued_on FROM certificate WHERE id = NEW.certificate_id) "
  "BEGIN SELECT RAISE (ABORT, 'CHECK constraint failed: a certificate is superseded only by a later one of the same product'); END;"

  "CREATE TRIGGER certificate_from_recognised BEFORE INSERT ON certificate "
  "WHEN NEW.meeting_id IS NOT NULL AND ("
  "  (SELECT state FROM meeting WHERE id = NEW.meeting_id) IS NOT 'finalised' OR"
  "  (SELECT outcome FROM result WHERE meeting_id = NEW.meeting_id AND product_id = NEW.product_id"
  "     AND round = NEW.round) IS NOT 'recognised') "
  "BEGIN SELECT RAISE (ABORT, 'CHECK constraint failed: a certificate is issued only for a product recognised by a finalised meeting'); END;"

  /* ---- locks: issued means final ---- */
  "CREATE TRIGGER certificate_locked_update BEFORE UPDATE ON certificate "
  "BEGIN SELECT RAISE (ABORT, 'locked: an issued certificate cannot be changed; revoke it instead'); END;"
  "CREATE TRIGGER certificate_locked_delete BEFORE DELETE ON certificate "
  "BEGIN SELECT RAISE (ABORT, 'locked: an issued certificate cannot be deleted; revoke it instead'); END;"
  "CREATE TRIGGER certificate_revocation_locked_update BEFORE UPDATE ON certificate_revocation "
  "BEGIN SELECT RAISE (ABORT, 'locked: a revocation cannot be changed'); END;"
  "CREATE TRIGGER certificate_revocation_locked_delete BEFORE DELETE ON certificate_revocation "
  "BEGIN SELECT RAISE (ABORT, 'locked: a revocation cannot be undone'); END;"
  "CREATE TRIGGER certificate_supersession_locked_update BEFORE UPDATE ON certificate_supersession "
  "BEGIN SELECT RAISE (ABORT, 'locked: a supersession cannot be changed'); END;"
  "CREATE TRIGGER certificate_supersession_locked_delete BEFORE DELETE ON certificate_supersession "
  "BEGIN SELECT RAISE (ABORT, 'locked: a supersession cannot be undone'); END;"
  /* A decision is fixed once it has certificates. */
  "CREATE TRIGGER decision_locked_update BEFORE UPDATE ON decision "
  "WHEN EXISTS (SELECT 1 FROM certificate WHERE decision_id = OLD.id) "
  "BEGIN SELECT RAISE (ABORT, 'locked: the decision has certificates'); END;"
  "CREATE TRIGGER decision_locked_delete BEFORE DELETE ON decision "
  "WHEN EXISTS (SELECT 1 FROM certificate WHERE decision_id = OLD.id) "
  "BEGIN SELECT RAISE (ABORT, 'locked: the decision has certificates'); END;"

  /* ---- the audit log (its action names are those of step 1) ---- */
  "CREATE TRIGGER audit_decision_insert AFTER INSERT ON decision BEGIN "
  "  INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
  "    (SELECT actor FROM session_actor LIMIT 1), 'decision', NEW.id, 'insert',"
  "    json_object('number', NEW.number, 'date', NEW.date, 'authority', NEW.authority,"
  "                'meeting', NEW.meeting_id, 'imported', NEW.is_imported)); END;"
  "CREATE TRIGGER audit_certificate_issue AFTER INSERT ON certificate BEGIN "
  "  INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
  "    (SELECT actor FROM session_actor LIMIT 1), 'certificate', NEW.id, 'insert',"
  "    json_object('event', CASE WHEN NEW.is_imported THEN 'import' ELSE 'issue' END,"
  "                'number', NEW.number, 'product', NEW.product_id, 'stars', NEW.stars,"
  "                'decision', NEW.decision_id, 'issued_on', NEW.issued_on, 'valid_until', NEW.valid_until)); END;"
  "CREATE TRIGGER audit_certificate_revoke AFTER INSERT ON certificate_revocation BEGIN "
  "  INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
  "    (SELECT actor FROM session_actor LIMIT 1), 'certificate', NEW.certificate_id, 'update',"
  "    json_object('event', 'revoke', 'on', NEW.revoked_on, 'reason', NEW.reason)); END;"
  "CREATE TRIGGER audit_certificate_supersede AFTER INSERT ON certificate_supersession BEGIN "
  "  INSERT INTO audit_log (actor, entity, entity_id, action, detail) VALUES ("
  "    (SELECT actor FROM session_actor LIMIT 1), 'certificate', NEW.certificate_id, 'update',"
  "    json_object('event', 'supersede', 'on', NEW.superseded_on, 'by', NEW.superseded_by)); END;"
  ;

/* Step 3: statistics and sample data.
 *
 * - programme_target: the programme's targets (mục tiêu) that the dashboard tracks as
 *   target vs achieved (ocop-stats.h).
 * - is_sample on decisions and signing keys, as the other tables have it. A decision of a
 *   sample meeting is marked sample when it is inserted (before it has certificates,
 *   while it can still change).
 * - The sanctioned path for removing sample data (ocop-sample.h): the locks of step 1
 *   and 2 refuse deleting a finalised meeting, an issued certificate, its revocation or
 *   supersession and a signing key; they are re-created here so that they let through
 *   rows that belong to sample data (is_sample = 1 on the row or on its meeting or
 *   certificate) and nothing else. A row cannot become sample data once it is locked:
 *   finalised meetings and certificates refuse every update already, and a signing key
 *   refuses the change once it has signed a certificate. */
static const char schema_v3[] =
  "CREATE TABLE programme_target ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  kind TEXT NOT NULL CHECK (kind IN ('new-products', 'upgraded-share', 'cooperative-share', 'enterprise-share', 'custom')),"
  "  target_value REAL NOT NULL CHECK (target_value >= 0),"
  "  unit TEXT NOT NULL CHECK (unit IN ('count', 'percent')),"
  "  min_stars INTEGER NOT NULL DEFAULT 3 CHECK (min_stars BETWEEN 1 AND 5),"
  "  period_start TEXT NOT NULL CHECK " DATE_OK ("period_start") ","
  "  deadline TEXT NOT NULL CHECK " DATE_OK ("deadline") ","
  "  province TEXT,"
  "  district TEXT,"
  "  achieved_value REAL CHECK (achieved_value IS NULL OR achieved_value >= 0),"   /* custom kind: entered */
  "  note TEXT,"
  "  is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  CHECK (deadline >= period_start),"
  "  CHECK (unit = 'count' OR target_value <= 100)"
  ") STRICT;"

  "ALTER TABLE decision ADD COLUMN is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1));"
  "ALTER TABLE signing_key ADD COLUMN is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1));"
  "CREATE TRIGGER decision_sample_from_meeting AFTER INSERT ON decision "
  "WHEN NEW.meeting_id IS NOT NULL AND (SELECT is_sample FROM meeting WHERE id = NEW.meeting_id) = 1 "
  "BEGIN UPDATE decision SET is_sample = 1 WHERE id = NEW.id; END;"
  "CREATE TRIGGER signing_key_sample_locked BEFORE UPDATE OF is_sample ON signing_key "
  "WHEN NEW.is_sample IS NOT OLD.is_sample AND EXISTS (SELECT 1 FROM certificate WHERE key_id = OLD.id) "
  "BEGIN SELECT RAISE (ABORT, 'locked: the signing key has signed certificates'); END;"

  /* Statistics: products by registration year; results of finalised meetings by date. */
  "CREATE INDEX product_year ON product (year);"
  "CREATE INDEX meeting_state_date ON meeting (state, date);"

  /* ---- the locks again, letting sample data through ---- */
  "DROP TRIGGER meeting_locked_delete;"
  "CREATE TRIGGER meeting_locked_delete BEFORE DELETE ON meeting WHEN OLD.state = 'finalised' AND OLD.is_sample = 0 "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "DROP TRIGGER agenda_locked_delete;"
  "CREATE TRIGGER agenda_locked_delete BEFORE DELETE ON agenda_item "
  "WHEN (SELECT state = 'finalised' AND is_sample = 0 FROM meeting WHERE id = OLD.meeting_id) "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "DROP TRIGGER attendance_locked_delete;"
  "CREATE TRIGGER attendance_locked_delete BEFORE DELETE ON attendance "
  "WHEN (SELECT state = 'finalised' AND is_sample = 0 FROM meeting WHERE id = OLD.meeting_id) "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "DROP TRIGGER conflict_locked_delete;"
  "CREATE TRIGGER conflict_locked_delete BEFORE DELETE ON conflict "
  "WHEN (SELECT state = 'finalised' AND is_sample = 0 FROM meeting WHERE id = OLD.meeting_id) "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "DROP TRIGGER sheet_locked_delete;"
  "CREATE TRIGGER sheet_locked_delete BEFORE DELETE ON score_sheet "
  "WHEN (SELECT state = 'finalised' AND is_sample = 0 FROM meeting WHERE id = OLD.meeting_id) "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "DROP TRIGGER answer_locked_delete;"
  "CREATE TRIGGER answer_locked_delete BEFORE DELETE ON answer "
  "WHEN (SELECT s.state = 'submitted' AND m.is_sample = 0 FROM score_sheet s JOIN meeting m ON m.id = s.meeting_id"
  "      WHERE s.id = OLD.score_sheet_id) "
  "BEGIN SELECT RAISE (ABORT, 'locked: the score sheet is submitted'); END;"
  "DROP TRIGGER answer_meeting_locked_delete;"
  "CREATE TRIGGER answer_meeting_locked_delete BEFORE DELETE ON answer "
  "WHEN (SELECT m.state = 'finalised' AND m.is_sample = 0 FROM score_sheet s JOIN meeting m ON m.id = s.meeting_id"
  "      WHERE s.id = OLD.score_sheet_id) "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "DROP TRIGGER stop_condition_locked_delete;"
  "CREATE TRIGGER stop_condition_locked_delete BEFORE DELETE ON stop_condition "
  "WHEN (SELECT (s.state = 'submitted' OR m.state = 'finalised') AND m.is_sample = 0 FROM score_sheet s"
  "      JOIN meeting m ON m.id = s.meeting_id WHERE s.id = OLD.score_sheet_id) "
  "BEGIN SELECT RAISE (ABORT, 'locked: the score sheet is submitted or its meeting finalised'); END;"
  "DROP TRIGGER result_locked_delete;"
  "CREATE TRIGGER result_locked_delete BEFORE DELETE ON result "
  "WHEN (SELECT state = 'finalised' AND is_sample = 0 FROM meeting WHERE id = OLD.meeting_id) "
  "BEGIN SELECT RAISE (ABORT, 'locked: the meeting is finalised'); END;"
  "DROP TRIGGER certificate_locked_delete;"
  "CREATE TRIGGER certificate_locked_delete BEFORE DELETE ON certificate WHEN OLD.is_sample = 0 "
  "BEGIN SELECT RAISE (ABORT, 'locked: an issued certificate cannot be deleted; revoke it instead'); END;"
  "DROP TRIGGER certificate_revocation_locked_delete;"
  "CREATE TRIGGER certificate_revocation_locked_delete BEFORE DELETE ON certificate_revocation "
  "WHEN (SELECT is_sample FROM certificate WHERE id = OLD.certificate_id) IS NOT 1 "
  "BEGIN SELECT RAISE (ABORT, 'locked: a revocation cannot be undone'); END;"
  "DROP TRIGGER certificate_supersession_locked_delete;"
  "CREATE TRIGGER certificate_supersession_locked_delete BEFORE DELETE ON certificate_supersession "
  "WHEN (SELECT is_sample FROM certificate WHERE id = OLD.certificate_id) IS NOT 1 "
  "BEGIN SELECT RAISE (ABORT, 'locked: a supersession cannot be undone'); END;"
  "DROP TRIGGER signing_key_no_delete;"
  "CREATE TRIGGER signing_key_no_delete BEFORE DELETE ON signing_key WHEN OLD.is_sample = 0 "
  "BEGIN SELECT RAISE (ABORT, 'locked: a signing key is kept so that its certificates still verify'); END;"
  ;

static const OcopDbMigration migrations[] = {
  { 1, schema_v1 },
  { 2, schema_v2 },
  { 3, schema_v3 },
};

const OcopDbMigration *
_ocop_db_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
