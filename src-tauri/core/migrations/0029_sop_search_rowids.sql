-- Each SOP's row in the search index moves to the SOP's own rowid in `sops`, where an
-- edit finds it at once (the index cannot look rows up by sop_id). Rows of SOPs no
-- longer in `sops` go: no search could show them.
CREATE TEMP TABLE sop_search_rekeyed AS
    SELECT s.rowid AS keyed, x.sop_id, x.code, x.title, x.purpose, x.body
    FROM sop_search x JOIN sops s ON s.id = x.sop_id;
DELETE FROM sop_search;
INSERT INTO sop_search (rowid, sop_id, code, title, purpose, body)
    SELECT keyed, sop_id, code, title, purpose, body FROM sop_search_rekeyed;
DROP TABLE sop_search_rekeyed;
