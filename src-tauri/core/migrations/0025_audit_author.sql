-- Who made a change the audit log records, when it is not this copy's person: a team
-- member whose change was pulled from the team's server, by the name the team knows
-- them by (else their login). NULL for every change made on this copy, as before.
ALTER TABLE audit_log ADD COLUMN author TEXT;
