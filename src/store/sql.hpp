// The small SQL surface the repositories are written against, so that the same repository code runs
// on SQLite (embedded default) and PostgreSQL (production). Statements use '?' placeholders; an
// engine translates them if its dialect needs to.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace motcua::store {

// A binary value: bound as BLOB on SQLite and bytea on PostgreSQL, read back as Bytes. A type of
// its own, not a std::string, so that a text is never stored as a blob (or the reverse) by
// accident: a hash kept as 32 raw bytes takes half the room of its 64 hex characters.
struct Bytes {
  std::string data;
  bool operator==(const Bytes&) const = default;
};

using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string, Bytes>;

struct SqlRow {
  std::vector<SqlValue> values;

  bool is_null(std::size_t i) const { return std::holds_alternative<std::nullptr_t>(values.at(i)); }
  std::int64_t integer(std::size_t i) const;
  std::string text(std::size_t i) const;
  std::optional<std::int64_t> optional_integer(std::size_t i) const;
  std::optional<std::string> optional_text(std::size_t i) const;
  // The raw bytes of a binary column; a StoreError for anything else but null (empty).
  std::string bytes(std::size_t i) const;
};

// A failure of the database itself (not a rule): I/O error, corruption, a constraint that the code
// should have prevented. The HTTP edge maps it to a 500/503 problem.
class StoreError : public std::runtime_error {
 public:
  explicit StoreError(const std::string& message) : std::runtime_error(message) {}
};

// The database cannot be reached now (connection lost, a failover in progress, the server
// shutting down): nothing of the failed job was committed, and the same request may succeed a few
// seconds later. The HTTP edge answers 503 with Retry-After.
class StoreUnavailable : public StoreError {
 public:
  explicit StoreUnavailable(const std::string& message) : StoreError(message) {}
};

// A unique or foreign-key constraint was violated: usually a race the caller can report as 409.
class ConstraintError : public StoreError {
 public:
  explicit ConstraintError(const std::string& message) : StoreError(message) {}
};

// Which SQL dialect a connection speaks, for the few statements that differ between the engines
// (a repository branches on it; everything else is written once in the common subset).
enum class Dialect { sqlite, postgres };

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual Dialect dialect() const { return Dialect::sqlite; }
  // Runs one statement; returns the number of rows changed.
  virtual std::int64_t execute(std::string_view sql, const std::vector<SqlValue>& params = {}) = 0;
  virtual std::vector<SqlRow> query(std::string_view sql,
                                    const std::vector<SqlValue>& params = {}) = 0;
  virtual std::int64_t last_insert_id() = 0;

  std::optional<SqlRow> query_one(std::string_view sql, const std::vector<SqlValue>& params = {}) {
    auto rows = query(sql, params);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }
};

}  // namespace motcua::store
