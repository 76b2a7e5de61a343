#include "store/blob_references.hpp"

namespace motcua::store {

namespace {
constexpr const char* kInUse =
    "SELECT 1 WHERE EXISTS (SELECT 1 FROM papers WHERE sha256 = ?) "
    "OR EXISTS (SELECT 1 FROM dossier_results WHERE sha256 = ?) "
    "OR EXISTS (SELECT 1 FROM stored_papers WHERE sha256 = ?) "
    "OR EXISTS (SELECT 1 FROM exchange_inbound WHERE papers LIKE ?)";
}  // namespace

bool blob_in_use(SqlConnection& db, const std::string& sha256) {
  // A consultation lists its papers as {"sha256":"..."} (codec); the name is 64 hex digits, so it
  // holds no LIKE wildcard.
  return db.query_one(kInUse, {sha256, sha256, sha256, "%" + sha256 + "%"}).has_value();
}

}  // namespace motcua::store
