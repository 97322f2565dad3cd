-- Training by site: a requirement may apply at some of the rollout's sites or
-- departments only, so new Eastside schedulers are not assigned Riverside's training.
-- NULL means "wherever the rollout is" (its own sites, or everywhere when it names
-- none); otherwise a JSON array of site or department names, matched to a person's
-- department ignoring case.
ALTER TABLE training_requirements
    ADD COLUMN sites TEXT CHECK (sites IS NULL OR (json_valid(sites) AND json_type(sites) = 'array'));
