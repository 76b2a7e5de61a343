#include "store/table_copy.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "store/data_keys.hpp"
#include "store/dossier_repository.hpp"
#include "store/dossier_times.hpp"
#include "store/event_log.hpp"
#include "store/personal_data.hpp"
#include "store/test_database.hpp"

namespace motcua::store {
namespace {

namespace fs = std::filesystem;

class TableCopyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("motcua-copy-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    source_ = open_sqlite_store((dir_ / "source.db").string());
    target_ = open_sqlite_store((dir_ / "target.db").string());
  }
  void TearDown() override {
    source_.reset();
    target_.reset();
    fs::remove_all(dir_);
  }

  // A small province whose rows test what a naive copy gets wrong: a child agency stored before its
  // parent, events whose hashes must survive byte for byte, outbox and audit rows with their keys,
  // and a statistics mark that the refresh already cleared (the target's trigger sets it again).
  void fill_source() {
    source_->write([](SqlConnection& db) {
      db.execute(
          "INSERT INTO agencies(id, code, name, kind, parent_id, valid_from) VALUES "
          "('c1', '000.01.01.H40', 'Xã Một', 'commune', NULL, '2025-07-01')");
      db.execute(
          "INSERT INTO agencies(id, code, name, kind, parent_id, valid_from) VALUES "
          "('p1', '000.00.00.H40', 'Tỉnh Thử', 'province', NULL, '2025-07-01')");
      db.execute("UPDATE agencies SET parent_id = 'p1' WHERE id = 'c1'");
      for (const char* id : {"d1", "d2", "d3"}) {
        db.execute(
            "INSERT INTO dossiers(id, code, procedure_code, procedure_version, agency_id, "
            "applicant_name, applicant_folded, channel, status, version, document, created_s, "
            "updated_s, updated_text, due_s) VALUES (?, ?, '1.001193', 1, 'c1', 'Nguyễn Văn A', "
            "'nguyen van a', 'online', 'submitted', 1, '{\"x\":1.5}', 1772420400, 1772420400, "
            "'2026-03-02T03:00:00Z', 1772420400)",
            {std::string(id), std::string("000.01.01.H40-260302-000") + id[1]});
      }
      for (int i = 0; i < 7; ++i) {
        append_event(db, EventDraft{i % 2 ? "d1" : "d2", "received", "u1", "reception",
                                    "2026-03-02T10:00:00+07:00", "lý do " + std::to_string(i),
                                    "submitted", "received", R"({"n":)" + std::to_string(i) + "}"});
      }
      db.execute(
          "INSERT INTO outbox(id, topic, idempotency_key, payload, created_at, available_s) "
          "VALUES (41, 'mail', 'k41', '{}', 'now', 0)");
      db.execute(
          "INSERT INTO audit_log(seq, actor_id, at, action, object, details) VALUES "
          "(9, 'admin', 'now', 'catalog.import', 'catalog', '{}')");
      db.execute("DELETE FROM dossier_outcomes_dirty WHERE dossier_id = 'd2'");
    });
  }

  // Every row of every copied table, in a fixed order, as comparable values.
  using Rows = std::vector<std::vector<SqlValue>>;
  std::vector<Rows> dump(Store& store, const std::vector<TableShape>& tables) {
    std::vector<Rows> out;
    store.read([&](SqlConnection& db) {
      for (const auto& t : tables) {
        std::string order;
        for (std::size_t i = 1; i <= t.columns.size(); ++i) {
          order += (i == 1 ? "" : ", ") + std::to_string(i);
        }
        Rows rows;
        for (auto& row : db.query("SELECT * FROM \"" + t.name + "\" ORDER BY " + order)) {
          rows.push_back(std::move(row.values));
        }
        out.push_back(std::move(rows));
      }
    });
    return out;
  }

  std::vector<TableShape> tables() {
    std::vector<TableShape> t;
    source_->read([&](SqlConnection& db) { t = sqlite_tables_to_copy(db); });
    return t;
  }

  fs::path dir_;
  std::unique_ptr<Store> source_;
  std::unique_ptr<Store> target_;
};

std::size_t position(const std::vector<TableShape>& tables, const std::string& name) {
  const auto it = std::find_if(tables.begin(), tables.end(),
                               [&](const TableShape& t) { return t.name == name; });
  EXPECT_NE(it, tables.end()) << name;
  return static_cast<std::size_t>(it - tables.begin());
}

TEST_F(TableCopyTest, TablesComeFromTheSchemaInForeignKeyOrder) {
  const auto t = tables();
  EXPECT_LT(position(t, "agencies"), position(t, "one_stop_units"));
  EXPECT_LT(position(t, "users"), position(t, "dossiers"));
  EXPECT_LT(position(t, "dossiers"), position(t, "dossier_events"));
  EXPECT_LT(position(t, "dossiers"), position(t, "dossier_ratings"));
  // The tables triggers fill come after every other table; the FTS5 index is not copied.
  ASSERT_GE(t.size(), 2u);
  EXPECT_EQ(t[t.size() - 2].name, "dossier_outcomes_dirty");
  EXPECT_TRUE(t[t.size() - 2].filled_by_triggers);
  EXPECT_FALSE(t[t.size() - 2].has_rowid);
  EXPECT_EQ(t.back().name, "procedure_search");
  EXPECT_TRUE(t.back().filled_by_triggers);
  EXPECT_EQ(t[position(t, "dossier_events")].integer_key, "seq");
  EXPECT_FALSE(t[position(t, "dossiers")].integer_key.has_value());
  for (const auto& shape : t) {
    EXPECT_NE(shape.name, "schema_migrations");
    EXPECT_EQ(shape.name.rfind("sqlite_", 0), std::string::npos);
    EXPECT_EQ(shape.name.rfind("procedure_search_text", 0), std::string::npos);
  }
}

TEST_F(TableCopyTest, CopiesEveryValueExactlyAndTheChainVerifiesOnTheTarget) {
  fill_source();
  const auto t = tables();
  CopyReport report;
  // A batch of 2 rows: many write jobs, pages of the source read by rowid.
  source_->read([&](SqlConnection& db) { report = copy_tables(db, *target_, t, 2); });
  EXPECT_TRUE(report.counts_equal());
  EXPECT_GT(report.write_jobs, 8);
  EXPECT_EQ(dump(*source_, t), dump(*target_, t));
  // Dossier times arrive as seconds (migration 0068) and read back as the texts written: the
  // canonical one from its seconds, the "Z" one from its kept text.
  target_->read([](SqlConnection& db) {
    const auto stored =
        db.query_one("SELECT created_s, created_text FROM dossiers WHERE id = 'd1'");
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->integer(0), 1772420400);
    EXPECT_TRUE(stored->is_null(1));
    const auto times = db.query_one(
        "SELECT created_s, created_text, updated_s, updated_text FROM dossiers "
        "WHERE id = 'd1'");
    ASSERT_TRUE(times);
    EXPECT_EQ(time_from(times->values.at(0), times->values.at(1)), "2026-03-02T10:00:00+07:00");
    EXPECT_EQ(time_from(times->values.at(2), times->values.at(3)), "2026-03-02T03:00:00Z");
  });

  ChainCheck chain;
  std::optional<std::string> head;
  target_->read([&](SqlConnection& db) {
    chain = verify_chain(db);
    head = chain_head(db);
  });
  EXPECT_TRUE(chain.ok()) << chain.problem;
  EXPECT_EQ(chain.events_checked, 7);
  std::optional<std::string> source_head;
  source_->read([&](SqlConnection& db) { source_head = chain_head(db); });
  EXPECT_EQ(head, source_head);
  // The cleared statistics mark stays cleared although the target's trigger set it on insert.
  std::int64_t marks = -1;
  target_->read([&](SqlConnection& db) { marks = count_rows(db, "dossier_outcomes_dirty"); });
  EXPECT_EQ(marks, 2);

  // New rows continue after the copied keys.
  target_->write([](SqlConnection& db) {
    const auto e = append_event(db, EventDraft{"d3", "received", "u1", "reception", "later", "",
                                               "submitted", "received", "{}"});
    EXPECT_EQ(e.seq, 8);
  });
}

TEST_F(TableCopyTest, AnOccupiedTargetIsNamed) {
  const auto t = tables();
  std::optional<OccupiedTable> occupied;
  target_->read([&](SqlConnection& db) { occupied = first_occupied_table(db, t); });
  EXPECT_FALSE(occupied.has_value());
  target_->write([](SqlConnection& db) {
    db.execute(
        "INSERT INTO agencies(id, code, name, kind, valid_from) VALUES "
        "('x', '000.00.00.H99', 'X', 'province', '2025-07-01')");
  });
  target_->read([&](SqlConnection& db) { occupied = first_occupied_table(db, t); });
  ASSERT_TRUE(occupied.has_value());
  EXPECT_EQ(occupied->table, "agencies");
  EXPECT_EQ(occupied->rows, 1);
}

TEST_F(TableCopyTest, ARefusedRowStopsTheCopyWithTheTargetsError) {
  fill_source();
  target_->write([](SqlConnection& db) {
    db.execute(
        "INSERT INTO agencies(id, code, name, kind, valid_from) VALUES "
        "('p1', '000.00.00.H99', 'X', 'province', '2025-07-01')");
  });
  const auto t = tables();
  source_->read(
      [&](SqlConnection& db) { EXPECT_THROW(copy_tables(db, *target_, t, 100), ConstraintError); });
}

// migrate-db moves a SQLite database to either engine: the event hashes (32-byte blobs since
// migration 0058) arrive as BLOB or bytea, byte for byte, and the chain verifies there.
class TableCopyBlobTest : public ::testing::TestWithParam<Engine> {};

INSTANTIATE_TEST_SUITE_P(Engines, TableCopyBlobTest, ::testing::ValuesIn(test_engines()),
                         engine_name);

// The one agency the dossiers of the tests below belong to.
void insert_commune(SqlConnection& db) {
  db.execute(
      "INSERT INTO agencies(id, code, name, kind, valid_from) VALUES "
      "('c1', '000.01.01.H40', 'Xã Một', 'commune', '2025-07-01')");
}

TEST_P(TableCopyBlobTest, EventHashesArriveAsTheSameBytes) {
  TestDatabase source_db(Engine::sqlite, "copy-blob-source");
  TestDatabase target_db(GetParam(), "copy-blob-target");
  auto source = source_db.open();
  auto target = target_db.open();
  source->write([](SqlConnection& db) {
    insert_commune(db);
    db.execute(
        "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, applicant_name, "
        "applicant_folded, channel, status, version, document, created_text, updated_text) VALUES "
        "('d1', '1.001193', 1, 'c1', 'An', 'an', 'online', 'submitted', 1, '{}', 'now', 'now')");
    for (int i = 0; i < 3; ++i) {
      append_event(db, EventDraft{"d1", "received", "u1", "reception", "2026-03-02T10:00:00+07:00",
                                  "", "submitted", "received", "{}"});
    }
  });
  std::vector<SqlRow> before, after;
  std::optional<std::string> source_head, target_head;
  ChainCheck chain;
  source->read([&](SqlConnection& db) {
    copy_tables(db, *target, sqlite_tables_to_copy(db), 2);
    before = db.query("SELECT hash FROM dossier_events ORDER BY seq");
    source_head = chain_head(db);
  });
  target->read([&](SqlConnection& db) {
    after = db.query("SELECT hash FROM dossier_events ORDER BY seq");
    target_head = chain_head(db);
    chain = verify_chain(db);
  });
  ASSERT_EQ(before.size(), 3u);
  ASSERT_EQ(after.size(), 3u);
  for (std::size_t i = 0; i < before.size(); ++i) {
    ASSERT_TRUE(std::holds_alternative<Bytes>(after[i].values[0])) << i;
    EXPECT_EQ(after[i].bytes(0).size(), 32u);
    EXPECT_EQ(after[i].values[0], before[i].values[0]);
  }
  ASSERT_TRUE(target_head.has_value());
  EXPECT_EQ(target_head->size(), 64u);  // hex at the boundary
  EXPECT_EQ(target_head, source_head);
  EXPECT_TRUE(chain.ok()) << chain.problem;
  EXPECT_EQ(chain.events_checked, 3);
}

// Event payloads (migration 0067) arrive as they are stored: packed ones as the same bytes, clear
// ones as their text's bytes, a backslash included (a text parameter into PostgreSQL's bytea would
// be parsed as bytea's escaped input and refused); each reads back as appended and the chain
// verifies on the target.
TEST_P(TableCopyBlobTest, EventPayloadsArriveAsStoredAndReadBack) {
  TestDatabase source_db(Engine::sqlite, "copy-payload-source");
  TestDatabase target_db(GetParam(), "copy-payload-target");
  auto source = source_db.open();
  auto target = target_db.open();
  const std::vector<std::string> payloads{
      R"({"official_id":"u-chuyenvien.hoalu","step":"tham-dinh"})", R"({"n":"\""})", "{}",
      R"({"note":"a \\ b \"c\" d, a longer text that is not in the dictionary"})"};
  source->write([&](SqlConnection& db) {
    insert_commune(db);
    db.execute(
        "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, applicant_name, "
        "applicant_folded, channel, status, version, document, created_text, updated_text) VALUES "
        "('d1', '1.001193', 1, 'c1', 'An', 'an', 'online', 'submitted', 1, '{}', 'now', 'now')");
    for (const auto& p : payloads) {
      append_event(db, EventDraft{"d1", "received", "u1", "reception", "2026-03-02T10:00:00+07:00",
                                  "", "submitted", "received", p});
    }
  });
  std::vector<SqlRow> before, after;
  std::vector<StoredEvent> events;
  ChainCheck chain;
  source->read([&](SqlConnection& db) {
    copy_tables(db, *target, sqlite_tables_to_copy(db), 2);
    before = db.query("SELECT payload FROM dossier_events ORDER BY seq");
  });
  target->read([&](SqlConnection& db) {
    after = db.query("SELECT payload FROM dossier_events ORDER BY seq");
    events = events_of(db, "d1");
    chain = verify_chain(db);
  });
  ASSERT_EQ(before.size(), payloads.size());
  ASSERT_EQ(after.size(), payloads.size());
  ASSERT_EQ(events.size(), payloads.size());
  // The usual payload is packed at the source and arrives as the same bytes.
  ASSERT_TRUE(std::holds_alternative<Bytes>(before[0].values[0]));
  EXPECT_EQ(after[0].values[0], before[0].values[0]);
  // The short one stays clear text at the source.
  EXPECT_TRUE(std::holds_alternative<std::string>(before[1].values[0]));
  for (std::size_t i = 0; i < payloads.size(); ++i) EXPECT_EQ(events[i].event.payload, payloads[i]);
  EXPECT_TRUE(chain.ok()) << chain.problem;
  EXPECT_EQ(chain.events_checked, 4);
}

// The sealed application forms (binary since migration 0064, or an enc1 text kept from before)
// arrive byte for byte as BLOB or bytea, and open on the target in their own rows.
TEST_P(TableCopyBlobTest, SealedDocumentsArriveAsTheSameBytesAndOpen) {
  TestDatabase source_db(Engine::sqlite, "copy-doc-source");
  TestDatabase target_db(GetParam(), "copy-doc-target");
  auto source = source_db.open();
  auto target = target_db.open();
  constexpr const char* kNew = R"({"applicant":{"id_number":"001203004567"}})";
  constexpr const char* kOld = R"({"applicant":{"id_number":"079090001234"}})";
  source->write([&](SqlConnection& db) {
    insert_commune(db);
    const std::string insert =
        "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, applicant_name, "
        "applicant_folded, channel, status, version, document, created_text, updated_text) VALUES "
        "(?, '1.001193', 1, 'c1', 'An', 'an', 'online', 'submitted', 1, ?, 'now', 'now')";
    db.execute(insert, {"d1", seal_bytes(kNew, "dossiers", "document", "d1")});
    db.execute(insert, {"d2", data_keys().encrypt_unbound(kOld)});
  });
  std::vector<SqlRow> before, after;
  source->read([&](SqlConnection& db) {
    copy_tables(db, *target, sqlite_tables_to_copy(db), 1);
    before = db.query("SELECT document FROM dossiers ORDER BY id");
  });
  target->read([&](SqlConnection& db) {
    after = db.query("SELECT document FROM dossiers ORDER BY id");
    EXPECT_EQ(find_dossier(db, "d1")->document, kNew);
    EXPECT_EQ(find_dossier(db, "d2")->document, kOld);
    EXPECT_NO_THROW(require_known_data_keys(db));
  });
  ASSERT_EQ(after.size(), 2u);
  ASSERT_TRUE(std::holds_alternative<Bytes>(after[0].values[0]));
  EXPECT_EQ(after[0].values[0], before[0].values[0]);
}

// The dossiers' integer keys (migration 0063: what the event rows hold) arrive as they were, and
// a dossier created on the target afterwards gets a key after the copied ones: PostgreSQL's
// identity sequence is advanced past them (it would otherwise hand out 1 again), SQLite's takes
// MAX + 1.
TEST_P(TableCopyBlobTest, DossierKeysArriveAndNewDossiersGetFreshKeys) {
  TestDatabase source_db(Engine::sqlite, "copy-key-source");
  TestDatabase target_db(GetParam(), "copy-key-target");
  auto source = source_db.open();
  auto target = target_db.open();
  source->write([](SqlConnection& db) {
    insert_commune(db);
    // Keys as a long-lived database may hold them: not 1, 2, 3.
    for (const auto& [id, key] : {std::pair{"d1", 7}, std::pair{"d2", 42}, std::pair{"d3", 9}}) {
      db.execute(
          "INSERT INTO dossiers(id, key, procedure_code, procedure_version, agency_id, "
          "applicant_name, applicant_folded, channel, status, version, document, created_text, "
          "updated_text) VALUES (?, ?, '1.001193', 1, 'c1', 'An', 'an', 'online', 'submitted', 1, "
          "'{}', 'now', 'now')",
          {std::string(id), std::int64_t{key}});
      append_event(db, EventDraft{id, "received", "u1", "reception", "2026-03-02T10:00:00+07:00",
                                  "", "submitted", "received", "{}"});
    }
  });
  source->read([&](SqlConnection& db) { copy_tables(db, *target, sqlite_tables_to_copy(db), 2); });
  std::vector<SqlRow> keys;
  std::int64_t new_key = 0;
  std::vector<StoredEvent> events;
  ChainCheck chain;
  target->write([&](SqlConnection& db) {
    keys = db.query("SELECT id, key FROM dossiers ORDER BY id");
    db.execute(
        "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, applicant_name, "
        "applicant_folded, channel, status, version, document, created_text, updated_text) VALUES "
        "('d4', '1.001193', 1, 'c1', 'An', 'an', 'online', 'submitted', 1, '{}', 'now', 'now')");
    new_key = db.query_one("SELECT key FROM dossiers WHERE id = 'd4'")->integer(0);
    append_event(db, EventDraft{"d4", "received", "u1", "reception", "2026-03-02T11:00:00+07:00",
                                "", "submitted", "received", "{}"});
  });
  target->read([&](SqlConnection& db) {
    events = events_of(db, "d2");
    chain = verify_chain(db);
  });
  ASSERT_EQ(keys.size(), 3u);
  EXPECT_EQ(keys[0].integer(1), 7);
  EXPECT_EQ(keys[1].integer(1), 42);
  EXPECT_EQ(keys[2].integer(1), 9);
  EXPECT_EQ(new_key, 43);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.dossier_id, "d2");
  EXPECT_TRUE(chain.ok()) << chain.problem;
  EXPECT_EQ(chain.events_checked, 4);
}

}  // namespace
}  // namespace motcua::store
