-- The sweep of uploaded files no row names any more (issue 18 point 6, app/admin/upload_sweep.hpp)
-- asks, per file, whether a paper, a result or a kept paper still names it: one index lookup each
-- instead of a scan of every paper of the province.
-- Plain portable DDL: the same text runs on SQLite and PostgreSQL.
CREATE INDEX papers_sha256 ON papers(sha256);
CREATE INDEX dossier_results_sha256 ON dossier_results(sha256);
CREATE INDEX stored_papers_sha256 ON stored_papers(sha256);
