-- One search across the workspace (Ctrl+K): every rollout, plan task, readiness
-- criterion, risk, decision, person, training module and metric is a row of one
-- full-text index — its name or title, and a body of the other words a person might
-- search it by. Triggers keep the index in step with the tables, so every writer (the
-- app, the command line, an import, a restore, a team's pulled changes) leaves it
-- current without knowing about it. Trashed rows are left out. SOPs have their own
-- index (sop_search), steps and exceptions included, which the search reads beside this.
--
-- A row's number in the index comes from search_keys: FTS5 finds and deletes a row by
-- its number at once, and by any other column only by reading every row. The number
-- is an INTEGER PRIMARY KEY, so it survives a VACUUM (a table's own rowid may not).
CREATE TABLE search_keys (
    n    INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    id   TEXT NOT NULL,
    UNIQUE (kind, id)
) STRICT;

-- Case and diacritics fold away ("Müller" is found by "muller"); the prefix indexes
-- keep the first keystrokes of a word (two and three letters) fast.
CREATE VIRTUAL TABLE search_index USING fts5 (
    kind,
    id UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- rollouts: rollouts.name; goal, sites, sponsor, owner, scope_in, scope_out.
INSERT INTO search_keys (kind, id) SELECT 'rollout', id FROM rollouts WHERE deleted_at IS NULL;
INSERT INTO search_index (rowid, kind, id, title, body)
SELECT k.n, 'rollout', t.id, t.name, t.goal || ' ' || t.sites || ' ' || t.sponsor || ' ' || t.owner || ' ' || t.scope_in || ' ' || t.scope_out
FROM rollouts t JOIN search_keys k ON k.kind = 'rollout' AND k.id = t.id;

CREATE TRIGGER search_rollout_insert AFTER INSERT ON rollouts WHEN NEW.deleted_at IS NULL
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'rollout' AND id = NEW.id);
    INSERT OR IGNORE INTO search_keys (kind, id) VALUES ('rollout', NEW.id);
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'rollout', NEW.id, NEW.name, NEW.goal || ' ' || NEW.sites || ' ' || NEW.sponsor || ' ' || NEW.owner || ' ' || NEW.scope_in || ' ' || NEW.scope_out
    FROM search_keys WHERE kind = 'rollout' AND id = NEW.id;
END;

CREATE TRIGGER search_rollout_update AFTER UPDATE ON rollouts
WHEN OLD.id IS NOT NEW.id OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.name IS NOT NEW.name OR OLD.goal IS NOT NEW.goal OR OLD.sites IS NOT NEW.sites OR OLD.sponsor IS NOT NEW.sponsor OR OLD.owner IS NOT NEW.owner OR OLD.scope_in IS NOT NEW.scope_in OR OLD.scope_out IS NOT NEW.scope_out
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'rollout' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'rollout' AND id = OLD.id;
    INSERT INTO search_keys (kind, id) SELECT 'rollout', NEW.id WHERE NEW.deleted_at IS NULL;
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'rollout', NEW.id, NEW.name, NEW.goal || ' ' || NEW.sites || ' ' || NEW.sponsor || ' ' || NEW.owner || ' ' || NEW.scope_in || ' ' || NEW.scope_out
    FROM search_keys WHERE kind = 'rollout' AND id = NEW.id;
END;

CREATE TRIGGER search_rollout_delete AFTER DELETE ON rollouts
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'rollout' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'rollout' AND id = OLD.id;
END;

-- tasks: plan_tasks.title; notes.
INSERT INTO search_keys (kind, id) SELECT 'task', id FROM plan_tasks WHERE deleted_at IS NULL;
INSERT INTO search_index (rowid, kind, id, title, body)
SELECT k.n, 'task', t.id, t.title, t.notes
FROM plan_tasks t JOIN search_keys k ON k.kind = 'task' AND k.id = t.id;

CREATE TRIGGER search_task_insert AFTER INSERT ON plan_tasks WHEN NEW.deleted_at IS NULL
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'task' AND id = NEW.id);
    INSERT OR IGNORE INTO search_keys (kind, id) VALUES ('task', NEW.id);
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'task', NEW.id, NEW.title, NEW.notes
    FROM search_keys WHERE kind = 'task' AND id = NEW.id;
END;

CREATE TRIGGER search_task_update AFTER UPDATE ON plan_tasks
WHEN OLD.id IS NOT NEW.id OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.title IS NOT NEW.title OR OLD.notes IS NOT NEW.notes
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'task' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'task' AND id = OLD.id;
    INSERT INTO search_keys (kind, id) SELECT 'task', NEW.id WHERE NEW.deleted_at IS NULL;
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'task', NEW.id, NEW.title, NEW.notes
    FROM search_keys WHERE kind = 'task' AND id = NEW.id;
END;

CREATE TRIGGER search_task_delete AFTER DELETE ON plan_tasks
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'task' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'task' AND id = OLD.id;
END;

-- criterions: readiness_criteria.title; owner_role, evidence.
INSERT INTO search_keys (kind, id) SELECT 'criterion', id FROM readiness_criteria WHERE deleted_at IS NULL;
INSERT INTO search_index (rowid, kind, id, title, body)
SELECT k.n, 'criterion', t.id, t.title, t.owner_role || ' ' || t.evidence
FROM readiness_criteria t JOIN search_keys k ON k.kind = 'criterion' AND k.id = t.id;

CREATE TRIGGER search_criterion_insert AFTER INSERT ON readiness_criteria WHEN NEW.deleted_at IS NULL
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'criterion' AND id = NEW.id);
    INSERT OR IGNORE INTO search_keys (kind, id) VALUES ('criterion', NEW.id);
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'criterion', NEW.id, NEW.title, NEW.owner_role || ' ' || NEW.evidence
    FROM search_keys WHERE kind = 'criterion' AND id = NEW.id;
END;

CREATE TRIGGER search_criterion_update AFTER UPDATE ON readiness_criteria
WHEN OLD.id IS NOT NEW.id OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.title IS NOT NEW.title OR OLD.owner_role IS NOT NEW.owner_role OR OLD.evidence IS NOT NEW.evidence
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'criterion' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'criterion' AND id = OLD.id;
    INSERT INTO search_keys (kind, id) SELECT 'criterion', NEW.id WHERE NEW.deleted_at IS NULL;
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'criterion', NEW.id, NEW.title, NEW.owner_role || ' ' || NEW.evidence
    FROM search_keys WHERE kind = 'criterion' AND id = NEW.id;
END;

CREATE TRIGGER search_criterion_delete AFTER DELETE ON readiness_criteria
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'criterion' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'criterion' AND id = OLD.id;
END;

-- risks: risks.title; mitigation, trigger.
INSERT INTO search_keys (kind, id) SELECT 'risk', id FROM risks WHERE deleted_at IS NULL;
INSERT INTO search_index (rowid, kind, id, title, body)
SELECT k.n, 'risk', t.id, t.title, t.mitigation || ' ' || t.trigger
FROM risks t JOIN search_keys k ON k.kind = 'risk' AND k.id = t.id;

CREATE TRIGGER search_risk_insert AFTER INSERT ON risks WHEN NEW.deleted_at IS NULL
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'risk' AND id = NEW.id);
    INSERT OR IGNORE INTO search_keys (kind, id) VALUES ('risk', NEW.id);
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'risk', NEW.id, NEW.title, NEW.mitigation || ' ' || NEW.trigger
    FROM search_keys WHERE kind = 'risk' AND id = NEW.id;
END;

CREATE TRIGGER search_risk_update AFTER UPDATE ON risks
WHEN OLD.id IS NOT NEW.id OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.title IS NOT NEW.title OR OLD.mitigation IS NOT NEW.mitigation OR OLD.trigger IS NOT NEW.trigger
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'risk' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'risk' AND id = OLD.id;
    INSERT INTO search_keys (kind, id) SELECT 'risk', NEW.id WHERE NEW.deleted_at IS NULL;
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'risk', NEW.id, NEW.title, NEW.mitigation || ' ' || NEW.trigger
    FROM search_keys WHERE kind = 'risk' AND id = NEW.id;
END;

CREATE TRIGGER search_risk_delete AFTER DELETE ON risks
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'risk' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'risk' AND id = OLD.id;
END;

-- decisions: decisions.title; constraints, options, choice, rationale, decided_by, verification, outcome_note.
INSERT INTO search_keys (kind, id) SELECT 'decision', id FROM decisions WHERE deleted_at IS NULL;
INSERT INTO search_index (rowid, kind, id, title, body)
SELECT k.n, 'decision', t.id, t.title, t.constraints || ' ' || t.options || ' ' || t.choice || ' ' || t.rationale || ' ' || t.decided_by || ' ' || t.verification || ' ' || t.outcome_note
FROM decisions t JOIN search_keys k ON k.kind = 'decision' AND k.id = t.id;

CREATE TRIGGER search_decision_insert AFTER INSERT ON decisions WHEN NEW.deleted_at IS NULL
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'decision' AND id = NEW.id);
    INSERT OR IGNORE INTO search_keys (kind, id) VALUES ('decision', NEW.id);
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'decision', NEW.id, NEW.title, NEW.constraints || ' ' || NEW.options || ' ' || NEW.choice || ' ' || NEW.rationale || ' ' || NEW.decided_by || ' ' || NEW.verification || ' ' || NEW.outcome_note
    FROM search_keys WHERE kind = 'decision' AND id = NEW.id;
END;

CREATE TRIGGER search_decision_update AFTER UPDATE ON decisions
WHEN OLD.id IS NOT NEW.id OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.title IS NOT NEW.title OR OLD.constraints IS NOT NEW.constraints OR OLD.options IS NOT NEW.options OR OLD.choice IS NOT NEW.choice OR OLD.rationale IS NOT NEW.rationale OR OLD.decided_by IS NOT NEW.decided_by OR OLD.verification IS NOT NEW.verification OR OLD.outcome_note IS NOT NEW.outcome_note
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'decision' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'decision' AND id = OLD.id;
    INSERT INTO search_keys (kind, id) SELECT 'decision', NEW.id WHERE NEW.deleted_at IS NULL;
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'decision', NEW.id, NEW.title, NEW.constraints || ' ' || NEW.options || ' ' || NEW.choice || ' ' || NEW.rationale || ' ' || NEW.decided_by || ' ' || NEW.verification || ' ' || NEW.outcome_note
    FROM search_keys WHERE kind = 'decision' AND id = NEW.id;
END;

CREATE TRIGGER search_decision_delete AFTER DELETE ON decisions
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'decision' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'decision' AND id = OLD.id;
END;

-- persons: people.name; department, email, the role name.
INSERT INTO search_keys (kind, id) SELECT 'person', id FROM people WHERE deleted_at IS NULL;
INSERT INTO search_index (rowid, kind, id, title, body)
SELECT k.n, 'person', t.id, t.name, t.department || ' ' || t.email || ' ' || coalesce((SELECT name FROM roles WHERE id = t.role_id), '')
FROM people t JOIN search_keys k ON k.kind = 'person' AND k.id = t.id;

CREATE TRIGGER search_person_insert AFTER INSERT ON people WHEN NEW.deleted_at IS NULL
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'person' AND id = NEW.id);
    INSERT OR IGNORE INTO search_keys (kind, id) VALUES ('person', NEW.id);
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'person', NEW.id, NEW.name, NEW.department || ' ' || NEW.email || ' ' || coalesce((SELECT name FROM roles WHERE id = NEW.role_id), '')
    FROM search_keys WHERE kind = 'person' AND id = NEW.id;
END;

CREATE TRIGGER search_person_update AFTER UPDATE ON people
WHEN OLD.id IS NOT NEW.id OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.name IS NOT NEW.name OR OLD.department IS NOT NEW.department OR OLD.email IS NOT NEW.email OR OLD.role_id IS NOT NEW.role_id
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'person' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'person' AND id = OLD.id;
    INSERT INTO search_keys (kind, id) SELECT 'person', NEW.id WHERE NEW.deleted_at IS NULL;
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'person', NEW.id, NEW.name, NEW.department || ' ' || NEW.email || ' ' || coalesce((SELECT name FROM roles WHERE id = NEW.role_id), '')
    FROM search_keys WHERE kind = 'person' AND id = NEW.id;
END;

CREATE TRIGGER search_person_delete AFTER DELETE ON people
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'person' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'person' AND id = OLD.id;
END;

-- modules: training_modules.title; description.
INSERT INTO search_keys (kind, id) SELECT 'module', id FROM training_modules WHERE deleted_at IS NULL;
INSERT INTO search_index (rowid, kind, id, title, body)
SELECT k.n, 'module', t.id, t.title, t.description
FROM training_modules t JOIN search_keys k ON k.kind = 'module' AND k.id = t.id;

CREATE TRIGGER search_module_insert AFTER INSERT ON training_modules WHEN NEW.deleted_at IS NULL
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'module' AND id = NEW.id);
    INSERT OR IGNORE INTO search_keys (kind, id) VALUES ('module', NEW.id);
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'module', NEW.id, NEW.title, NEW.description
    FROM search_keys WHERE kind = 'module' AND id = NEW.id;
END;

CREATE TRIGGER search_module_update AFTER UPDATE ON training_modules
WHEN OLD.id IS NOT NEW.id OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'module' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'module' AND id = OLD.id;
    INSERT INTO search_keys (kind, id) SELECT 'module', NEW.id WHERE NEW.deleted_at IS NULL;
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'module', NEW.id, NEW.title, NEW.description
    FROM search_keys WHERE kind = 'module' AND id = NEW.id;
END;

CREATE TRIGGER search_module_delete AFTER DELETE ON training_modules
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'module' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'module' AND id = OLD.id;
END;

-- metrics: metrics.name; definition, numerator, denominator, data_source.
INSERT INTO search_keys (kind, id) SELECT 'metric', id FROM metrics WHERE deleted_at IS NULL;
INSERT INTO search_index (rowid, kind, id, title, body)
SELECT k.n, 'metric', t.id, t.name, t.definition || ' ' || t.numerator || ' ' || t.denominator || ' ' || t.data_source
FROM metrics t JOIN search_keys k ON k.kind = 'metric' AND k.id = t.id;

CREATE TRIGGER search_metric_insert AFTER INSERT ON metrics WHEN NEW.deleted_at IS NULL
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'metric' AND id = NEW.id);
    INSERT OR IGNORE INTO search_keys (kind, id) VALUES ('metric', NEW.id);
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'metric', NEW.id, NEW.name, NEW.definition || ' ' || NEW.numerator || ' ' || NEW.denominator || ' ' || NEW.data_source
    FROM search_keys WHERE kind = 'metric' AND id = NEW.id;
END;

CREATE TRIGGER search_metric_update AFTER UPDATE ON metrics
WHEN OLD.id IS NOT NEW.id OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.name IS NOT NEW.name OR OLD.definition IS NOT NEW.definition OR OLD.numerator IS NOT NEW.numerator OR OLD.denominator IS NOT NEW.denominator OR OLD.data_source IS NOT NEW.data_source
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'metric' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'metric' AND id = OLD.id;
    INSERT INTO search_keys (kind, id) SELECT 'metric', NEW.id WHERE NEW.deleted_at IS NULL;
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT n, 'metric', NEW.id, NEW.name, NEW.definition || ' ' || NEW.numerator || ' ' || NEW.denominator || ' ' || NEW.data_source
    FROM search_keys WHERE kind = 'metric' AND id = NEW.id;
END;

CREATE TRIGGER search_metric_delete AFTER DELETE ON metrics
BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT n FROM search_keys WHERE kind = 'metric' AND id = OLD.id);
    DELETE FROM search_keys WHERE kind = 'metric' AND id = OLD.id;
END;

-- A role renamed: the people who hold it are found by its new name.
CREATE TRIGGER search_role_rename AFTER UPDATE OF name ON roles WHEN OLD.name IS NOT NEW.name
BEGIN
    DELETE FROM search_index WHERE rowid IN (
        SELECT k.n FROM search_keys k JOIN people p ON p.id = k.id
        WHERE k.kind = 'person' AND p.role_id = NEW.id
    );
    INSERT INTO search_index (rowid, kind, id, title, body)
    SELECT k.n, 'person', t.id, t.name, t.department || ' ' || t.email || ' ' || coalesce((SELECT name FROM roles WHERE id = t.role_id), '')
    FROM people t JOIN search_keys k ON k.kind = 'person' AND k.id = t.id
    WHERE t.role_id = NEW.id;
END;
