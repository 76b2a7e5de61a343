// JSON of the applicant's paper store (GET/POST/DELETE /api/v1/my/papers..., and
// POST /api/v1/dossiers/{id}/papers/reuse).
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/common/app_error.hpp"
#include "app/paper_store/paper_store.hpp"

namespace motcua::store {

// {"id", "paper_id", "name", "file_name", "content_type", "size", "sha256", "source_dossier_id",
//  "source_paper_id", "kept_at", "valid_until": string|null, "download_url"}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const StoredPaperRecord& p);

}  // namespace motcua::store

namespace motcua::app {

// {"papers": [StoredPaper...]}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const MyPapers& v);
// {"id", "removed": true}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const RemovedPaper& v);

}  // namespace motcua::app

namespace motcua::api {

// {"dossier_id", "paper_id" (the dossier paper's id), "name"?, "valid_until"?: "YYYY-MM-DD"}
app::AppResult<app::KeepPaperInput> keep_paper_from_json(const boost::json::value& body);
// {"name"}
app::AppResult<std::string> rename_paper_from_json(const boost::json::value& body);
// {"stored_paper_id", "paper_id"?: the catalog paper of the dossier's case}
app::AppResult<app::ReusePaperInput> reuse_paper_from_json(const boost::json::value& body);

}  // namespace motcua::api
