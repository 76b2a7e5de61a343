#include "store/installation_settings.hpp"

namespace motcua::store {

namespace {
constexpr const char* kOrigin = "database_origin";
constexpr const char* kDemo = "demo";
constexpr const char* kMark =
    "INSERT INTO installation_settings(name, value) VALUES (?, ?) "
    "ON CONFLICT(name) DO UPDATE SET value = excluded.value";
constexpr const char* kFind = "SELECT value FROM installation_settings WHERE name = ?";
}  // namespace

void mark_demo_database(SqlConnection& db) {
  db.execute(kMark, {std::string(kOrigin), std::string(kDemo)});
}

bool is_demo_database(SqlConnection& db) {
  const auto row = db.query_one(kFind, {std::string(kOrigin)});
  return row && row->text(0) == kDemo;
}

std::optional<std::string> installation_setting(SqlConnection& db, const std::string& name) {
  const auto row = db.query_one(kFind, {name});
  if (!row) return std::nullopt;
  return row->text(0);
}

void set_installation_setting(SqlConnection& db, const std::string& name,
                              const std::string& value) {
  db.execute(kMark, {name, value});
}

}  // namespace motcua::store
