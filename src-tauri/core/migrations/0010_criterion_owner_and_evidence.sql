-- A criterion's owner is a person from the directory (owner_id) or, until someone is
-- named, the role that usually holds it (owner_role: "Training lead"). The free-text
-- owner a criterion had becomes its owner role, and is resolved to a person where
-- exactly one live person in the directory bears that name.
-- Evidence is a note (evidence), a link (evidence_link) and/or a file's name
-- (evidence_file): the sign-off, the test log, the sample audit.
ALTER TABLE readiness_criteria RENAME COLUMN owner TO owner_role;
ALTER TABLE readiness_criteria ADD COLUMN owner_id TEXT REFERENCES people (id);
ALTER TABLE readiness_criteria ADD COLUMN evidence_link TEXT NOT NULL DEFAULT '';
ALTER TABLE readiness_criteria ADD COLUMN evidence_file TEXT NOT NULL DEFAULT '';

UPDATE readiness_criteria
SET owner_id = (
    SELECT p.id FROM people p
    WHERE p.name = readiness_criteria.owner_role COLLATE NOCASE AND p.deleted_at IS NULL
)
WHERE owner_role <> ''
  AND (
    SELECT count(*) FROM people p
    WHERE p.name = readiness_criteria.owner_role COLLATE NOCASE AND p.deleted_at IS NULL
  ) = 1;

UPDATE readiness_criteria SET owner_role = '' WHERE owner_id IS NOT NULL;
