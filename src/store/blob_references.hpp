// Whether any row still names an uploaded file (store/file_blobs.hpp): the files are shared by
// content, so one is removed only when no paper, result, kept paper or partner consultation
// received names it (app/admin/upload_sweep.hpp). Each probe is an index lookup (migration 0055)
// but the consultations', which are few and keep their papers as JSON.
#pragma once

#include <string>

#include "store/sql.hpp"

namespace motcua::store {

bool blob_in_use(SqlConnection& db, const std::string& sha256);

}  // namespace motcua::store
