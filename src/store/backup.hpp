// `motcua backup`: a copy of the whole database that can be restored, checked before it is called
// a backup. SQLite: the online backup API, then an integrity check and the event chain check of
// the copy. PostgreSQL: pg_dump's custom format (restored with pg_restore, docs/operations.md).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace motcua::store {

// A request that cannot be carried out as asked (a password in the URL): the CLI reports it as bad
// input, not as a database failure.
class BackupRefused : public std::runtime_error {
 public:
  explicit BackupRefused(const std::string& message) : std::runtime_error(message) {}
};

struct BackupSummary {
  std::string engine;  // "sqlite" or "postgres"
  std::string file;
  std::uintmax_t bytes = 0;
  std::int64_t tables = 0;
  std::optional<std::int64_t> dossiers;  // unknown for a pg_dump archive
  std::optional<std::int64_t> events;
  std::optional<bool> chain_ok;  // unknown for a pg_dump archive: verify-log the live database
  std::string problem;           // why the copy is not trustworthy; empty when it is
  bool ok() const { return problem.empty() && chain_ok.value_or(true); }
};

// postgresql:// or postgres://, the two URL schemes libpq accepts.
bool is_postgres_url(std::string_view db);

// Both write FILE.partial first and rename it to `to` only once the copy is complete and checked,
// so a file under the asked name is always a whole backup. Throw StoreError when the copy fails.
BackupSummary backup_sqlite(const std::string& database, const std::string& to);
BackupSummary backup_postgres(const std::string& url, const std::string& to);

}  // namespace motcua::store
