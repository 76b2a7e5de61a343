#include "store/backup.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "store/event_log.hpp"
#include "store/store.hpp"

namespace motcua::store {
namespace {

namespace fs = std::filesystem;

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("motcua-backup-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "live.db").string();
    store_ = open_sqlite_store(path_);
    store_->write([](SqlConnection& db) {
      db.execute(
          "INSERT INTO agencies(id, code, name, kind, valid_from) VALUES ('a1', '000.00.00.H01', "
          "'Sở Tư pháp', 'department', '2025-07-01')");
      db.execute(
          "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, "
          "applicant_name, applicant_folded, channel, status, version, document, created_text, "
          "updated_text) VALUES ('d1', '1.001193', 1, 'a1', 'A', 'a', 'online', 'submitted', 1, "
          "'{}', 'now', 'now')");
    });
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  void append(int n) {
    store_->write([n](SqlConnection& db) {
      for (int i = 0; i < n; ++i) {
        append_event(db, EventDraft{"d1", "note", "u1", "reception", "2026-03-02T10:00:00+07:00",
                                    "", "submitted", "submitted", "{}"});
      }
    });
  }

  fs::path dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(BackupTest, CopiesALiveDatabaseIntoOneCheckedFile) {
  append(20);
  // The server keeps writing while the copy runs: the copy is one snapshot whose chain verifies.
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    while (!stop) append(1);
  });
  const auto to = (dir_ / "nested" / "copy.db").string();
  const auto s = backup_sqlite(path_, to);
  stop = true;
  writer.join();
  EXPECT_TRUE(s.ok()) << s.problem;
  EXPECT_EQ(s.engine, "sqlite");
  EXPECT_EQ(s.file, to);
  EXPECT_EQ(s.bytes, fs::file_size(to));
  EXPECT_EQ(s.dossiers, 1);
  EXPECT_GE(s.events, 20);
  EXPECT_GT(s.tables, 20);
  EXPECT_FALSE(fs::exists(to + ".partial"));
  // One self-contained file: no -wal beside it, and it opens as a store with the same events.
  EXPECT_FALSE(fs::exists(to + "-wal"));
  auto copy = open_sqlite_store(to);
  ChainCheck chain;
  copy->read([&](SqlConnection& db) { chain = verify_chain(db); });
  EXPECT_TRUE(chain.ok());
  EXPECT_EQ(chain.events_checked, *s.events);
}

TEST_F(BackupTest, ABrokenChainIsReportedNotHidden) {
  append(3);
  store_.reset();
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "DROP TRIGGER dossier_events_no_update; "
                         "UPDATE dossier_events SET reason = 'edited' WHERE seq = 2",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  const auto s = backup_sqlite(path_, (dir_ / "copy.db").string());
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.chain_ok, false);
  EXPECT_NE(s.problem.find("event 2"), std::string::npos) << s.problem;
}

TEST_F(BackupTest, AMissingDatabaseIsAnErrorAndNoFileIsCreated) {
  const auto to = (dir_ / "copy.db").string();
  EXPECT_THROW(backup_sqlite((dir_ / "absent.db").string(), to), StoreError);
  EXPECT_FALSE(fs::exists(to));
  EXPECT_FALSE(fs::exists(dir_ / "absent.db"));
}

TEST_F(BackupTest, PostgresUrlsAreRecognizedAndPasswordsRefused) {
  EXPECT_TRUE(is_postgres_url("postgresql://motcua@127.0.0.1:5432/motcua"));
  EXPECT_TRUE(is_postgres_url("postgres://motcua@db/motcua"));
  EXPECT_FALSE(is_postgres_url("var/motcua.db"));
  EXPECT_FALSE(is_postgres_url("mysql://x"));
  const auto to = (dir_ / "dump").string();
  EXPECT_THROW(backup_postgres("postgresql://motcua:secret@127.0.0.1/motcua", to), BackupRefused);
  EXPECT_THROW(backup_postgres("postgresql://127.0.0.1/motcua?password=secret", to), BackupRefused);
  EXPECT_FALSE(fs::exists(to));
}

}  // namespace
}  // namespace motcua::store
