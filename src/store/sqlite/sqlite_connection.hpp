// One SQLite connection with a cache of prepared statements (SQL text -> statement), so repeated
// statements are parsed once. Not thread-safe: the engine gives each connection to one thread at a
// time.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/sql.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace motcua::store {

class WalCheckpointer;

class SqliteConnection final : public SqlConnection {
 public:
  enum class Mode { read_write, read_only };
  SqliteConnection(const std::string& path, Mode mode);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  std::int64_t execute(std::string_view sql, const std::vector<SqlValue>& params = {}) override;
  std::vector<SqlRow> query(std::string_view sql,
                            const std::vector<SqlValue>& params = {}) override;
  std::int64_t last_insert_id() override;

  // Runs several statements separated by ';' with no parameters (migrations, pragmas).
  void execute_script(const std::string& sql);

  // For the writer connection in WAL mode: checkpoints move to a thread of their own
  // (store/sqlite/wal_checkpointer.hpp) instead of running inside the commit that crosses the
  // threshold. Stopped before this connection closes.
  void checkpoint_in_background();
  const WalCheckpointer* checkpointer() const { return checkpointer_.get(); }

 private:
  sqlite3_stmt* prepare(std::string_view sql, const std::vector<SqlValue>& params);
  [[noreturn]] void fail(const std::string& what, int code);

  sqlite3* db_ = nullptr;
  std::string path_;
  // Looked up by the caller's string_view without building a std::string (heterogeneous lookup):
  // every statement of every job goes through this map.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> statements_;
  std::unique_ptr<WalCheckpointer> checkpointer_;
};

}  // namespace motcua::store
