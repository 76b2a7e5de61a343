-- Two indexes of the statistics read model that no query needs (issue 17, docs/performance.md
-- "Storage per dossier"): migration 0042 added (agency_id, received_s) and (agency_id, finished_s)
-- for the periodic report, which counts a period's books by instants. Its condition, received
-- before the end and not finished before the start, bounds received_s from above only, so the
-- first index is read from the agency's first dossier on, as the index (agency_id,
-- received_month) of migration 0008 is read for the same query; and an OR with IS NULL cannot
-- seek the second at all. At 100,000 dossiers the report of the two largest agencies read the same
-- rows in the same time with either index (0.16-0.21 s, sqlite3 .timer, page cache warm); the two
-- cost 58 bytes a dossier. The Decision 766 and evaluation lists order by received_s within
-- months and agencies, from the agency index and a sort, as before.
DROP INDEX dossier_outcomes_received;
DROP INDEX dossier_outcomes_finished;
