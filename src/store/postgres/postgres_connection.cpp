#include "store/postgres/postgres_connection.hpp"

#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace motcua::store {

namespace {

// Type OIDs of pg_type (catalog/pg_type_d.h, stable across versions).
constexpr Oid kBool = 16;
constexpr Oid kBytea = 17;
constexpr Oid kInt8 = 20;
constexpr Oid kInt2 = 21;
constexpr Oid kInt4 = 23;
constexpr Oid kFloat4 = 700;
constexpr Oid kFloat8 = 701;
constexpr Oid kNumeric = 1700;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

SqlValue typed_value(const PGresult* r, int row, int column) {
  if (PQgetisnull(r, row, column)) return nullptr;
  const char* text = PQgetvalue(r, row, column);
  switch (PQftype(r, column)) {
    case kInt2:
    case kInt4:
    case kInt8:
      return static_cast<std::int64_t>(std::strtoll(text, nullptr, 10));
    case kBool:
      return std::int64_t{text[0] == 't' ? 1 : 0};
    case kFloat4:
    case kFloat8:
      return std::strtod(text, nullptr);
    case kNumeric: {
      // SUM over BIGINT is NUMERIC in PostgreSQL but an integer in SQLite: keep whole numbers
      // whole.
      const std::string s(text);
      if (s.find_first_of(".eE") == std::string::npos && s != "NaN") {
        return static_cast<std::int64_t>(std::strtoll(text, nullptr, 10));
      }
      return std::strtod(text, nullptr);
    }
    case kBytea: {
      // Results come in text format, where bytea is escaped ("\\x" and hex by default): libpq
      // undoes whichever escaping the server's bytea_output chose.
      std::size_t size = 0;
      unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size);
      if (raw == nullptr) throw StoreError("cannot decode a bytea value: out of memory");
      Bytes out{std::string(reinterpret_cast<const char*>(raw), size)};
      PQfreemem(raw);
      return out;
    }
    default:
      return std::string(text, static_cast<std::size_t>(PQgetlength(r, row, column)));
  }
}

}  // namespace

std::string number_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  char quote = 0;  // the quote we are inside: ' or ", 0 outside
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      // A doubled quote inside a literal is an escaped quote and flips twice: no special case.
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const auto end = sql.find('\n', i);
      const auto stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(next++);
    } else {
      out += c;
    }
  }
  return out;
}

PostgresConnection::PostgresConnection(const std::string& url) {
  conn_ = PQconnectdb(url.c_str());
  if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
    const std::string message = conn_ != nullptr ? PQerrorMessage(conn_) : "out of memory";
    PQfinish(conn_);
    conn_ = nullptr;
    // The URL may carry a password: name only the failure.
    throw StoreUnavailable("cannot connect to PostgreSQL: " + message);
  }
  // Quiet the NOTICEs of IF NOT EXISTS and friends; errors still come back as results.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
}

PostgresConnection::~PostgresConnection() { PQfinish(conn_); }

void PostgresConnection::fail(const std::string& what, PGresult* result) {
  Result owned(result);
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message =
      what + ": " + (result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
  while (!message.empty() && message.back() == '\n') message.pop_back();
  if (PQstatus(conn_) == CONNECTION_BAD) {
    // The server went away (restart, failover): reconnect for the next job; prepared statements
    // died with the old session.
    statements_.clear();
    PQreset(conn_);
    throw StoreUnavailable(message);
  }
  // Class 08: connection exception; 57P01-57P03: the server is shutting down or starting.
  if (state != nullptr && (std::string_view(state).substr(0, 2) == "08" ||
                           std::string_view(state).substr(0, 3) == "57P")) {
    throw StoreUnavailable(message);
  }
  // Class 23: integrity constraint violation (unique, foreign key, not null, check).
  if (state != nullptr && std::string_view(state).substr(0, 2) == "23") {
    throw ConstraintError(message);
  }
  throw StoreError(message);
}

PGresult* PostgresConnection::run(std::string_view sql, const std::vector<SqlValue>& params) {
  std::string key(sql);
  auto it = statements_.find(key);
  if (it == statements_.end()) {
    const std::string name = "s" + std::to_string(statements_.size() + 1);
    const std::string text = number_placeholders(sql);
    PGresult* prepared = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
    if (PQresultStatus(prepared) != PGRES_COMMAND_OK) {
      fail("prepare '" + std::string(sql.substr(0, 60)) + "'", prepared);
    }
    PQclear(prepared);
    it = statements_.emplace(std::move(key), name).first;
  }
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  // Text format except for binary values, sent in binary format (1) with their length: bytea's
  // binary form is the bytes themselves, so nothing is escaped and a zero byte is a byte.
  std::vector<int> lengths(params.size(), 0);
  std::vector<int> formats(params.size(), 0);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto& p = params[i];
    if (std::holds_alternative<std::nullptr_t>(p)) continue;
    if (const auto* b = std::get_if<Bytes>(&p)) {
      values[i] = b->data.data();
      lengths[i] = static_cast<int>(b->data.size());
      formats[i] = 1;
      continue;
    }
    if (const auto* n = std::get_if<std::int64_t>(&p)) {
      texts[i] = std::to_string(*n);
    } else if (const auto* d = std::get_if<double>(&p)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", *d);
      texts[i] = buf;
    } else {
      texts[i] = std::get<std::string>(p);
    }
    values[i] = texts[i].c_str();
  }
  PGresult* result = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                                    values.data(), lengths.data(), formats.data(), 0);
  const auto status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    fail("execute '" + std::string(sql.substr(0, 60)) + "'", result);
  }
  return result;
}

std::int64_t PostgresConnection::execute(std::string_view sql,
                                         const std::vector<SqlValue>& params) {
  Result result(run(sql, params));
  const char* changed = PQcmdTuples(result.get());
  return changed != nullptr && *changed != '\0' ? std::strtoll(changed, nullptr, 10) : 0;
}

std::vector<SqlRow> PostgresConnection::query(std::string_view sql,
                                              const std::vector<SqlValue>& params) {
  Result result(run(sql, params));
  const int rows = PQntuples(result.get());
  const int columns = PQnfields(result.get());
  std::vector<SqlRow> out;
  out.reserve(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    SqlRow row;
    row.values.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) row.values.push_back(typed_value(result.get(), r, c));
    out.push_back(std::move(row));
  }
  return out;
}

std::int64_t PostgresConnection::last_insert_id() {
  return query_one("SELECT lastval()")->integer(0);
}

void PostgresConnection::execute_script(const std::string& sql) {
  PGresult* result = PQexec(conn_, sql.c_str());
  const auto status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    fail("script failed", result);
  }
  PQclear(result);
}

}  // namespace motcua::store
