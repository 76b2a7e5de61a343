#include "store/sqlite/wal_checkpointer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "store/sqlite/sqlite_connection.hpp"

namespace motcua::store {
namespace {

namespace fs = std::filesystem;

class WalCheckpointerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("motcua-ckpt-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "w.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::unique_ptr<SqliteConnection> writer(const std::string& path) {
    auto db = std::make_unique<SqliteConnection>(path, SqliteConnection::Mode::read_write);
    db->execute_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
    db->checkpoint_in_background();
    db->execute_script("CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, v BLOB)");
    return db;
  }

  // Commits of ~400 KB (~100 pages) each: none crosses the threshold alone, together many do.
  static void fill(SqliteConnection& db, int commits) {
    for (int c = 0; c < commits; ++c) {
      db.execute_script("BEGIN");
      for (int i = 0; i < 100; ++i) db.execute("INSERT INTO t(v) VALUES (zeroblob(4000))");
      db.execute_script("COMMIT");
    }
  }

  fs::path dir_;
  std::string path_;
};

// The log's pages reach the database file while the writer stays open, by the checkpointer's
// thread: SQLite's own automatic checkpoint is replaced, so without that thread the file would
// stay at its first pages until the writer closed.
TEST_F(WalCheckpointerTest, CopiesTheLogIntoTheFileOnItsOwnThread) {
  auto db = writer(path_);
  ASSERT_NE(db->checkpointer(), nullptr);
  fill(*db, 30);  // ~12 MB, ~3,000 pages
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (fs::file_size(path_) < 8'000'000 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_GE(fs::file_size(path_), 8'000'000u);
  EXPECT_GE(db->checkpointer()->runs(), 1);
}

// Closing stops the thread first; the writer's own close then copies the rest and removes the
// log, and nothing committed is lost.
TEST_F(WalCheckpointerTest, ClosingKeepsEveryCommittedRowAndRemovesTheLog) {
  {
    auto db = writer(path_);
    fill(*db, 12);
  }
  EXPECT_FALSE(fs::exists(path_ + "-wal"));
  SqliteConnection again(path_, SqliteConnection::Mode::read_only);
  EXPECT_EQ(again.query("SELECT COUNT(*) FROM t").front().integer(0), 1200);
}

// An in-memory database has no log: no thread is started for it.
TEST_F(WalCheckpointerTest, AnInMemoryDatabaseGetsNoCheckpointer) {
  SqliteConnection db(":memory:", SqliteConnection::Mode::read_write);
  db.execute_script("PRAGMA journal_mode=WAL;");
  db.checkpoint_in_background();
  EXPECT_EQ(db.checkpointer(), nullptr);
}

}  // namespace
}  // namespace motcua::store
