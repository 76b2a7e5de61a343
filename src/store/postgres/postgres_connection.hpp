// One PostgreSQL connection (libpq) speaking the repositories' SqlConnection: '?' placeholders are
// translated to $1..$n once per statement text, and each statement is prepared once per connection
// and cached by its text, as SqliteConnection does. Values travel as text (NULLs as NULL) and come
// back typed from the column's type. Not thread-safe: the engine gives a connection to one thread
// at a time.
#pragma once

#include <string>
#include <unordered_map>

#include "store/sql.hpp"

struct pg_conn;
struct pg_result;

namespace motcua::store {

// '?' -> $1, $2, ... outside quoted literals and identifiers. Exposed for tests.
std::string number_placeholders(std::string_view sql);

class PostgresConnection final : public SqlConnection {
 public:
  // `url` is a libpq connection URI (postgresql://user@host:port/database).
  explicit PostgresConnection(const std::string& url);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Dialect dialect() const override { return Dialect::postgres; }
  std::int64_t execute(std::string_view sql, const std::vector<SqlValue>& params = {}) override;
  std::vector<SqlRow> query(std::string_view sql,
                            const std::vector<SqlValue>& params = {}) override;
  // The value the last sequence (identity column) handed out in this session: lastval().
  std::int64_t last_insert_id() override;

  // Runs several statements with no parameters in one round trip (migrations, DDL).
  void execute_script(const std::string& sql);

 private:
  pg_result* run(std::string_view sql, const std::vector<SqlValue>& params);
  [[noreturn]] void fail(const std::string& what, pg_result* result);

  pg_conn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> statements_;  // SQL text -> prepared name
};

}  // namespace motcua::store
