-- External people: vendor staff (the EHR vendor's trainer, a scribe company's lead) who
-- own tasks in a rollout's plan but are not the clinic's staff. They need no role, are
-- not on HR's roster, and are never trained by the clinic.
ALTER TABLE people ADD COLUMN external INTEGER NOT NULL DEFAULT 0 CHECK (external IN (0, 1));

-- Who the clinic trains: active staff with a role, not in the trash, not external. Every
-- training query picks people from here, so that rule is written once.
CREATE VIEW trainees AS
    SELECT * FROM people
    WHERE active = 1 AND deleted_at IS NULL AND role_id IS NOT NULL AND external = 0;
