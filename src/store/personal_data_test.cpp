// Personal data at rest, on both engines: the ID number and phone of an account, the dossier's ID
// number and application form and the postal receiver's phone and address are stored sealed (no
// clear value in the rows), read back clear, found by keyed hash; clear rows from before migration
// 0053 are sealed; `rotate-key` re-seals every value under a new key and audits it. Each value is
// bound to its row (enc2): one copied to another row is refused; enc1 values from before still open
// and rotate-key binds them.
#include "store/personal_data.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "store/account_repository.hpp"
#include "store/audit_log.hpp"
#include "store/data_keys.hpp"
#include "store/dossier_repository.hpp"
#include "store/dossier_times.hpp"
#include "store/key_rotation.hpp"
#include "store/migrations.hpp"
#include "store/one_time_code_repository.hpp"
#include "store/postal_repository.hpp"
#include "store/test_database.hpp"
#include "store/test_seed.hpp"
#include "store/user_repository.hpp"

namespace motcua::store {
namespace {

// Undoes migrations 0062 and 0063 on a database whose event log is empty, so that a test rewinding
// the schema to an earlier migration can let the store apply them again: dossier_events as 0058
// left it (its triggers dropped and, on PostgreSQL, the ones 0062 expects re-created), no
// event_terms, and dossiers without their integer key.
void revert_compact_event_rows(SqlConnection& db) {
  const bool pg = db.dialect() == Dialect::postgres;
  db.execute("DROP TABLE dossier_events");
  db.execute("DROP TABLE event_terms");
  if (!pg) db.execute("DROP TRIGGER dossiers_assign_key");
  db.execute("DROP INDEX dossiers_key");
  db.execute("ALTER TABLE dossiers DROP COLUMN key");
  if (pg) db.execute("DROP FUNCTION event_fact_mark_outcome()");
  db.execute(std::string("CREATE TABLE dossier_events (seq ") + (pg ? "BIGINT" : "INTEGER") +
             " PRIMARY KEY, dossier_id TEXT NOT NULL REFERENCES dossiers(id), type TEXT NOT NULL, "
             "actor_id TEXT NOT NULL, role TEXT NOT NULL, at TEXT NOT NULL, reason TEXT NOT NULL "
             "DEFAULT '', from_status TEXT NOT NULL, to_status TEXT NOT NULL, payload TEXT NOT "
             "NULL, hash " +
             (pg ? "BYTEA" : "TEXT") + " NOT NULL)");
  if (!pg) return;  // 0062 rebuilds the SQLite table with its index and triggers
  db.execute("CREATE INDEX dossier_events_dossier ON dossier_events(dossier_id, seq)");
  db.execute(
      "CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events FOR EACH ROW "
      "EXECUTE FUNCTION dossier_events_append_only()");
  db.execute(
      "CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events FOR EACH ROW "
      "EXECUTE FUNCTION dossier_events_append_only()");
  db.execute(
      "CREATE TRIGGER events_mark_outcome_fact AFTER INSERT ON dossier_events FOR EACH ROW WHEN "
      "(NEW.type IN ('payment_requested', 'dossier_approved')) EXECUTE FUNCTION "
      "dossier_fact_mark_outcome()");
}

// Undoes migrations 0066, 0069 and 0071 (the read model and the tracking book are dropped, not
// copied back: a rewinding test reads neither), so that a test rewinding the schema to before them
// can let the store apply them again: the tables by the dossier's text id, the read model as 0065
// left it on PostgreSQL and 0064 on SQLite (0065 rebuilds the parties' time there), no
// outcome_terms.
void revert_dossier_key_tables(SqlConnection& db) {
  db.execute("DROP TABLE tracking_book_entries");
  db.execute(
      "CREATE TABLE tracking_book_entries (dossier_id TEXT PRIMARY KEY REFERENCES dossiers(id), "
      "book_key TEXT NOT NULL, year BIGINT NOT NULL, volume BIGINT NOT NULL, line BIGINT NOT NULL, "
      "sets BIGINT NOT NULL DEFAULT 1, UNIQUE (book_key, year, volume, line))");
  for (const char* table :
       {"dossier_party_time", "dossier_step_outcomes", "dossier_outcomes", "outcome_terms"}) {
    db.execute(std::string("DROP TABLE ") + table);
  }
  db.execute(
      "CREATE TABLE dossier_outcomes (dossier_id TEXT PRIMARY KEY REFERENCES dossiers(id), "
      "version BIGINT NOT NULL, agency_id TEXT NOT NULL, procedure_code TEXT NOT NULL, channel "
      "TEXT NOT NULL, received_s BIGINT NOT NULL, received_month TEXT NOT NULL, finished_s BIGINT, "
      "outcome TEXT NOT NULL, overdue_from_s BIGINT, due_s BIGINT, due_766_s BIGINT, paused TEXT "
      "NOT NULL DEFAULT '', supplement_requests BIGINT NOT NULL DEFAULT 0, apology_reason TEXT NOT "
      "NULL DEFAULT '', apology_new_due_s BIGINT, flags TEXT NOT NULL DEFAULT '', late_cause TEXT "
      "NOT NULL DEFAULT '', synced BIGINT NOT NULL DEFAULT 0, fee_bearing BIGINT NOT NULL DEFAULT "
      "0, paid_online BIGINT NOT NULL DEFAULT 0, digitised BIGINT NOT NULL DEFAULT 0, has_result "
      "BIGINT NOT NULL DEFAULT 0, rated_unsatisfied BIGINT NOT NULL DEFAULT 0, reused BIGINT NOT "
      "NULL DEFAULT 0)");
  db.execute(
      "CREATE TABLE dossier_step_outcomes (dossier_id TEXT NOT NULL REFERENCES dossiers(id), idx "
      "BIGINT NOT NULL, name TEXT NOT NULL, party TEXT NOT NULL, started_s BIGINT NOT NULL, "
      "ended_s BIGINT, due_s BIGINT, used_s BIGINT NOT NULL, result TEXT NOT NULL DEFAULT '', "
      "PRIMARY KEY (dossier_id, idx))");
  db.execute(
      "CREATE TABLE dossier_party_time (dossier_id TEXT NOT NULL REFERENCES dossiers(id), party "
      "TEXT NOT NULL, seconds BIGINT NOT NULL, PRIMARY KEY (dossier_id, party))");
  // Migration 0071 runs again too: the rollup without its ratings.
  db.execute("ALTER TABLE dossier_outcome_months DROP COLUMN rated");
  db.execute("ALTER TABLE dossier_outcome_months DROP COLUMN rated_satisfied");
}

// Undoes migration 0068, so that a test rewinding the schema to an earlier migration can let the
// store apply it again: the five dossier times as texts again (as the rows read them), the work
// queue's index on created_at as 0060 left it.
void revert_dossier_times(SqlConnection& db) {
  static constexpr const char* kNames[] = {"submitted", "received", "finished", "created",
                                           "updated"};
  std::vector<std::pair<std::string, std::vector<SqlValue>>> rows;
  for (const auto& row :
       db.query("SELECT id, submitted_s, submitted_text, received_s, received_text, finished_s, "
                "finished_text, created_s, created_text, updated_s, updated_text FROM dossiers")) {
    std::vector<SqlValue> texts;
    for (std::size_t i = 0; i < 5; ++i) {
      const auto text = time_from(row.values.at(1 + 2 * i), row.values.at(2 + 2 * i));
      texts.emplace_back(text ? SqlValue(*text) : SqlValue(nullptr));
    }
    rows.emplace_back(row.text(0), std::move(texts));
  }
  db.execute("DROP INDEX dossiers_queue");
  for (const auto* name : kNames) {
    const std::string n(name);
    db.execute("ALTER TABLE dossiers DROP COLUMN " + n + "_s");
    db.execute("ALTER TABLE dossiers DROP COLUMN " + n + "_text");
    db.execute("ALTER TABLE dossiers ADD COLUMN " + n + "_at TEXT");
  }
  for (auto& [id, texts] : rows) {
    texts.emplace_back(id);
    db.execute(
        "UPDATE dossiers SET submitted_at = ?, received_at = ?, finished_at = ?, created_at = ?, "
        "updated_at = ? WHERE id = ?",
        texts);
  }
  db.execute("CREATE INDEX dossiers_queue ON dossiers(agency_id, status, due_s, created_at)");
}

constexpr const char* kIdNumber = "001203004567";
constexpr const char* kPhone = "0912345689";
constexpr const char* kAddress = "Số 1 Tràng Tiền, Hoàn Kiếm";
constexpr const char* kDocument =
    R"({"applicant":{"name":"An","id_number":"001203004567","phone":"0912345689"}})";

class PersonalDataTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam(), "personal-data");
    key_file_ = (std::filesystem::temp_directory_path() /
                 ("motcua-personal-data-" + std::to_string(::getpid()) + ".key"))
                    .string();
    std::filesystem::remove(key_file_);
    load_or_create_data_keys(key_file_);
    store_ = database_->open();
    store_->write([](SqlConnection& db) {
      seed_test_agencies(db);
      insert_user(db, {"a1", "an", "applicant", "An", kIdNumber, "", kPhone, "-", "now"});
      db.execute(
          "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, applicant_name, "
          "applicant_folded, channel, status, version, document, created_text, updated_text) "
          "VALUES "
          "('d1', '1.001193', 1, 'c1', 'An', 'an', 'online', 'submitted', 1, ?, 'now', 'now')",
          {seal_bytes(kDocument, "dossiers", "document", "d1")});
      set_dossier_applicant_id(db, "d1", kIdNumber);
      save_postal_choice(db, {"d1", false, true, "An", kPhone, kAddress, 0, "a1", "now"});
    });
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
    std::filesystem::remove(key_file_);
  }
  // Every stored value of the sealed text columns, as the database holds it (dossiers.document,
  // a binary column since migration 0064, is raw_document()).
  std::vector<std::string> raw_values() {
    std::vector<std::string> out;
    store_->read([&](SqlConnection& db) {
      for (const auto& c : sealed_columns()) {
        if (c.binary_from != 0) continue;
        for (const auto& row : db.query(std::string("SELECT ") + c.column + " FROM " + c.table)) {
          if (!row.text(0).empty()) out.push_back(row.text(0));
        }
      }
    });
    return out;
  }
  // dossiers.document as before migration 0064: the column text again (PostgreSQL), every form
  // the enc2 text the code of that time wrote, 0064 not applied.
  static void back_to_text_documents(SqlConnection& db) {
    std::vector<std::pair<std::string, std::string>> forms;
    for (const auto& row : db.query("SELECT id, document FROM dossiers")) {
      forms.emplace_back(row.text(0),
                         unseal_stored(row.values.at(1), "dossiers", "document", row.text(0)));
    }
    if (db.dialect() == Dialect::postgres) {
      db.execute("ALTER TABLE dossiers ALTER COLUMN document TYPE text USING ''");
      // Migration 0067 runs again too: the event payloads as text, as before it (these tests
      // write no packed payload).
      db.execute(
          "ALTER TABLE dossier_events ALTER COLUMN payload TYPE text USING convert_from(payload, "
          "'UTF8')");
    }
    for (const auto& [id, clear] : forms) {
      db.execute("UPDATE dossiers SET document = ? WHERE id = ?",
                 {seal(clear, "dossiers", "document", id), id});
    }
    revert_dossier_key_tables(db);
    db.execute("DELETE FROM schema_migrations WHERE version >= 64");
  }
  // dossiers.document of `id` as stored.
  SqlValue raw_document(const std::string& id = "d1") {
    SqlValue out;
    store_->read([&](SqlConnection& db) {
      out = db.query_one("SELECT document FROM dossiers WHERE id = ?", {id})->values.at(0);
    });
    return out;
  }
  // The key id of a document stored in the binary form (fails the test for any other form).
  std::string binary_document_key(const std::string& id = "d1") {
    const auto stored = raw_document(id);
    const auto* bytes = std::get_if<Bytes>(&stored);
    if (bytes == nullptr || !DataKeys::is_binary(bytes->data)) {
      ADD_FAILURE() << "dossier " << id << ": document not in the binary sealed form";
      return {};
    }
    return DataKeys::key_id_of_binary(bytes->data);
  }
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
  std::string key_file_;
};

INSTANTIATE_TEST_SUITE_P(Engines, PersonalDataTest, ::testing::ValuesIn(test_engines()),
                         engine_name);

TEST_P(PersonalDataTest, StoredSealedReadClearFoundByHash) {
  const auto raw = raw_values();
  ASSERT_EQ(raw.size(), 5u);
  // The form as bytes: format byte, key id, nonce, box; no clear value, no base64.
  EXPECT_EQ(binary_document_key(), data_keys().current_id());
  const std::string document = std::get<Bytes>(raw_document()).data;
  EXPECT_EQ(document.find(kIdNumber), std::string::npos);
  // Packed before sealing (format 0x02): smaller than the form itself with nonce and tag.
  EXPECT_EQ(document[0], '\x02');
  EXPECT_LT(document.size(),
            2 + data_keys().current_id().size() + 24 + 16 + std::string_view(kDocument).size());
  for (const auto& v : raw) {
    EXPECT_TRUE(v.starts_with("enc2:" + data_keys().current_id() + ":")) << v;
    EXPECT_EQ(v.find(kIdNumber), std::string::npos);
    EXPECT_EQ(v.find(kPhone), std::string::npos);
  }
  store_->read([](SqlConnection& db) {
    EXPECT_EQ(find_user(db, "a1")->phone, kPhone);
    EXPECT_EQ(applicant_with_contact(db, kPhone), "a1");
    EXPECT_TRUE(contact_in_use(db, kPhone));
    EXPECT_FALSE(contact_in_use(db, "0912345688"));
    ASSERT_EQ(dossiers_of_applicant_id(db, kIdNumber, 10).size(), 1u);
    EXPECT_TRUE(dossiers_of_applicant_id(db, "001203004568", 10).empty());
    const auto postal = find_postal_choice(db, "d1");
    EXPECT_EQ(postal->phone, kPhone);
    EXPECT_EQ(postal->address, kAddress);
    EXPECT_EQ(find_dossier(db, "d1")->document, kDocument);
  });
}

TEST_P(PersonalDataTest, ClearRowsFromBeforeTheMigrationAreSealed) {
  store_->write([](SqlConnection& db) {
    db.execute(
        "INSERT INTO users(id, username, kind, display_name, id_number, phone, password_hash, "
        "created_at) VALUES ('old', 'old', 'applicant', 'Old', '079090001234', '0987654321', '-', "
        "'now')");
    EXPECT_EQ(seal_clear_personal_data(db), 2);
    EXPECT_EQ(seal_clear_personal_data(db), 0);
  });
  for (const auto& v : raw_values()) EXPECT_TRUE(v.starts_with("enc2:")) << v;
  store_->read([](SqlConnection& db) {
    EXPECT_EQ(find_user(db, "old")->phone, "0987654321");
    EXPECT_EQ(applicant_with_contact(db, "0987654321"), "old");
  });
}

TEST_P(PersonalDataTest, ADatabaseSealedUnderAKeyTheFileLacksIsRefusedNamingTheKey) {
  const std::string sealed_under = data_keys().current_id();
  store_->read([](SqlConnection& db) { EXPECT_NO_THROW(require_known_data_keys(db)); });
  // As after a restore without the key file: a fresh key is all the process has.
  install_data_keys(std::make_shared<const DataKeys>(std::vector<DataKey>{DataKeys::generate()}));
  store_->read([&](SqlConnection& db) {
    try {
      require_known_data_keys(db);
      ADD_FAILURE() << "a database sealed under another key must be refused";
    } catch (const DataKeyError& e) {
      EXPECT_NE(std::string(e.what()).find(sealed_under), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("--data-key-file"), std::string::npos);
    }
  });
  // The right key file again: served as before.
  install_data_keys(std::make_shared<const DataKeys>(DataKeys::read_file(key_file_)));
  store_->read([](SqlConnection& db) { EXPECT_NO_THROW(require_known_data_keys(db)); });
}

TEST_P(PersonalDataTest, RotationResealsEveryValueAndIsAudited) {
  const std::string old_id = data_keys().current_id();
  const auto rotation = rotate_data_key(*store_, key_file_, "admin", "2026-12-07T00:00:00Z",
                                        "yearly rotation", /*batch_size=*/1);
  EXPECT_EQ(rotation.old_key_id, old_id);
  EXPECT_NE(rotation.new_key_id, old_id);
  EXPECT_EQ(rotation.values, 6);
  // The file now holds the new key alone; every value is under it and still reads and is found.
  const DataKeys file = DataKeys::read_file(key_file_);
  ASSERT_EQ(file.keys().size(), 1u);
  EXPECT_EQ(file.current_id(), rotation.new_key_id);
  for (const auto& v : raw_values()) {
    EXPECT_EQ(DataKeys::key_id_of(v), rotation.new_key_id);
    EXPECT_TRUE(DataKeys::is_bound(v)) << v;
  }
  // The form re-sealed in the binary form under the new key.
  EXPECT_EQ(binary_document_key(), rotation.new_key_id);
  store_->read([&rotation](SqlConnection& db) {
    EXPECT_EQ(find_user(db, "a1")->phone, kPhone);
    EXPECT_EQ(applicant_with_contact(db, kPhone), "a1");
    EXPECT_EQ(dossiers_of_applicant_id(db, kIdNumber, 10).size(), 1u);
    EXPECT_EQ(find_postal_choice(db, "d1")->address, kAddress);
    EXPECT_EQ(find_dossier(db, "d1")->document, kDocument);
    const auto audit = latest_audit(db, "data_key.rotated", "data_key");
    ASSERT_TRUE(audit.has_value());
    EXPECT_EQ(audit->actor_id, "admin");
    EXPECT_NE(audit->details.find(rotation.new_key_id), std::string::npos);
  });
}

// Someone able to write the database but without the key moves sealed values between rows: two
// dossiers' application forms swapped, a citizen's ID number and phone put on another account, a
// postal address on another dossier. Each moved value is refused (DataKeyError, which the API
// answers as a 500 problem) instead of being read as the other row's.
TEST_P(PersonalDataTest, AValueCopiedToAnotherRowIsRefused) {
  constexpr const char* kOtherDocument =
      R"({"applicant":{"name":"Binh","id_number":"079090001234"}})";
  store_->write([](SqlConnection& db) {
    insert_user(db,
                {"b1", "binh", "applicant", "Binh", "079090001234", "", "0987654321", "-", "now"});
    db.execute(
        "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, applicant_name, "
        "applicant_folded, channel, status, version, document, created_text, updated_text) VALUES "
        "('d2', '1.001193', 1, 'c1', 'Binh', 'binh', 'online', 'submitted', 1, ?, 'now', 'now')",
        {seal_bytes(kOtherDocument, "dossiers", "document", "d2")});
    save_postal_choice(db, {"d2", false, true, "Binh", "0987654321", "Số 2", 0, "b1", "now"});
  });
  store_->read([&](SqlConnection& db) {
    EXPECT_EQ(find_dossier(db, "d2")->document, kOtherDocument);
    EXPECT_EQ(find_user(db, "b1")->phone, "0987654321");
  });
  // The swaps, in plain SQL as such a writer would make them.
  store_->write([](SqlConnection& db) {
    const auto raw = [&db](const std::string& sql) { return db.query_one(sql)->text(0); };
    // The forms as the bytes they are.
    const SqlValue d1 = db.query_one("SELECT document FROM dossiers WHERE id = 'd1'")->values[0];
    const SqlValue d2 = db.query_one("SELECT document FROM dossiers WHERE id = 'd2'")->values[0];
    ASSERT_TRUE(std::holds_alternative<Bytes>(d1) && std::holds_alternative<Bytes>(d2));
    db.execute("UPDATE dossiers SET document = ? WHERE id = 'd1'", {d2});
    db.execute("UPDATE dossiers SET document = ? WHERE id = 'd2'", {d1});
    db.execute("UPDATE users SET id_number = ?, phone = ? WHERE id = 'b1'",
               {raw("SELECT id_number FROM users WHERE id = 'a1'"),
                raw("SELECT phone FROM users WHERE id = 'a1'")});
    db.execute("UPDATE dossier_postal SET address = ? WHERE dossier_id = 'd2'",
               {raw("SELECT address FROM dossier_postal WHERE dossier_id = 'd1'")});
  });
  store_->read([](SqlConnection& db) {
    EXPECT_THROW(find_dossier(db, "d1"), DataKeyError);
    EXPECT_THROW(find_dossier(db, "d2"), DataKeyError);
    EXPECT_THROW(find_user(db, "b1"), DataKeyError);
    EXPECT_THROW(find_postal_choice(db, "d2"), DataKeyError);
    // The rows the values were taken from still read.
    EXPECT_EQ(find_user(db, "a1")->phone, kPhone);
    EXPECT_EQ(find_postal_choice(db, "d1")->address, kAddress);
  });
  // rotate-key does not launder a moved value into its new row: it stops on it.
  EXPECT_THROW(rotate_data_key(*store_, key_file_, "admin", "2026-12-07T00:00:00Z", "", 100),
               DataKeyError);
}

// Values sealed before values were bound to their row (enc1) still open wherever they are;
// rotate-key re-seals them as enc2 bound to their row.
TEST_P(PersonalDataTest, OldUnboundValuesStillOpenAndRotationBindsThem) {
  store_->write([](SqlConnection& db) {
    const DataKeys& keys = data_keys();
    db.execute("UPDATE users SET id_number = ?, phone = ? WHERE id = 'a1'",
               {keys.encrypt_unbound(kIdNumber), keys.encrypt_unbound(kPhone)});
    db.execute("UPDATE dossiers SET document = ? WHERE id = 'd1'",
               {keys.encrypt_unbound(kDocument)});
    db.execute("UPDATE dossier_postal SET address = ? WHERE dossier_id = 'd1'",
               {keys.encrypt_unbound(kAddress)});
  });
  int unbound = 0;
  for (const auto& v : raw_values()) unbound += DataKeys::is_bound(v) ? 0 : 1;
  EXPECT_EQ(unbound, 3);  // and the form, an enc1 text in the binary column
  const auto reads_clear = [this] {
    store_->read([](SqlConnection& db) {
      EXPECT_EQ(find_user(db, "a1")->phone, kPhone);
      EXPECT_EQ(applicant_with_contact(db, kPhone), "a1");
      EXPECT_EQ(find_dossier(db, "d1")->document, kDocument);
      EXPECT_EQ(find_postal_choice(db, "d1")->address, kAddress);
    });
  };
  reads_clear();
  // Also opened by require_known_data_keys' look at the first and last rows: a mix of formats
  // under one key is a known key.
  store_->read([](SqlConnection& db) { EXPECT_NO_THROW(require_known_data_keys(db)); });

  const auto rotation =
      rotate_data_key(*store_, key_file_, "admin", "2026-12-07T00:00:00Z", "bind", 100);
  EXPECT_EQ(rotation.values, 6);
  for (const auto& v : raw_values()) {
    EXPECT_TRUE(v.starts_with("enc2:" + rotation.new_key_id + ":")) << v;
  }
  EXPECT_EQ(binary_document_key(), rotation.new_key_id);
  reads_clear();
}

// A citizen who signed up with a phone (migration 0061): the user name is "phone:" + the phone's
// keyed hash, the code and pending sign-up rows hold the address sealed and its hash; none lists
// the phone or the e-mail address in clear. Lookups by the clear value find them, before and after
// rotate-key (which re-hashes the user name along with users.phone).
TEST_P(PersonalDataTest, PhoneUserNamesAndCodeAddressesAreHashedAndSurviveRotation) {
  constexpr const char* kCitizen = "0987654321";
  constexpr const char* kWaiting = "0977000111";
  constexpr const char* kMail = "chi@example.vn";
  store_->write([&](SqlConnection& db) {
    insert_user(db, {"p1", kCitizen, "applicant", "Binh", "", "", kCitizen, "-", "now"});
    // An official named by digits, with another phone: the name is not that phone, stays as it is.
    insert_user(db, {"o1", "0911111111", "official", "Desk", "", "", "0922222222", "-", "now"});
    insert_one_time_code(db, {"otp_1", "account_verify", kWaiting, "", "h", "now", 100});
    insert_one_time_code(db, {"otp_2", "account_verify", kMail, "", "h", "now", 100});
    save_pending_signup(db, {kWaiting, "Chi", "-", "vi", "now"});
    save_pending_signup(db, {kMail, "Chi", "-", "vi", "now"});
  });
  const auto no_clear_copy = [&] {
    store_->read([&](SqlConnection& db) {
      for (const auto* sql :
           {"SELECT username FROM users",
            "SELECT address_hash || ' ' || id || ' ' || address FROM pending_signups",
            "SELECT id || ' ' || address_hash || ' ' || address FROM one_time_codes"}) {
        for (const auto& r : db.query(sql)) {
          for (const auto* clear : {"987654321", "977000111", kMail})
            EXPECT_EQ(r.text(0).find(clear), std::string::npos) << sql << ": " << r.text(0);
        }
      }
    });
  };
  const auto found_by_clear_value = [&] {
    store_->read([&](SqlConnection& db) {
      EXPECT_EQ(db.query_one("SELECT username FROM users WHERE id = 'p1'")->text(0),
                "phone:" + lookup_hash(kCitizen));
      EXPECT_EQ(credentials_of(db, kCitizen)->user_id, "p1");
      EXPECT_EQ(db.query_one("SELECT username FROM users WHERE id = 'o1'")->text(0), "0911111111");
      EXPECT_EQ(credentials_of(db, "0911111111")->user_id, "o1");
      EXPECT_TRUE(username_taken(db, kCitizen));
      EXPECT_FALSE(username_taken(db, kWaiting));
      EXPECT_EQ(applicant_with_contact(db, kCitizen), "p1");
      EXPECT_EQ(current_one_time_code(db, "account_verify", kWaiting)->address, kWaiting);
      EXPECT_EQ(current_one_time_code(db, "account_verify", kMail)->id, "otp_2");
      EXPECT_EQ(find_pending_signup(db, kWaiting)->address, kWaiting);
      EXPECT_EQ(find_pending_signup(db, kMail)->address, kMail);
      EXPECT_FALSE(find_pending_signup(db, kCitizen).has_value());
    });
  };
  no_clear_copy();
  found_by_clear_value();
  // A second sign-up for the address replaces the pending one.
  store_->write([&](SqlConnection& db) {
    save_pending_signup(db, {kWaiting, "Chi 2", "-", "en", "now"});
  });
  store_->read([&](SqlConnection& db) {
    EXPECT_EQ(find_pending_signup(db, kWaiting)->display_name, "Chi 2");
    EXPECT_EQ(db.query_one("SELECT COUNT(*) FROM pending_signups")->integer(0), 2);
  });

  const auto rotation =
      rotate_data_key(*store_, key_file_, "admin", "2026-12-07T00:00:00Z", "yearly", 1);
  for (const auto& v : raw_values()) EXPECT_EQ(DataKeys::key_id_of(v), rotation.new_key_id);
  EXPECT_EQ(binary_document_key(), rotation.new_key_id);
  no_clear_copy();
  found_by_clear_value();
}

// A database from before migration 0061: pending_signups keyed by the clear address, code rows
// with the clear address, a citizen whose user name is their phone. Opening it runs the
// migration, which seals and hashes the addresses and renames the account; the citizen still logs
// in with the phone. A phone-like user name without that phone beside it is left as it is.
TEST_P(PersonalDataTest, APre0061DatabaseIsConvertedAndThePhoneAccountStillLogsIn) {
  store_->write([](SqlConnection& db) {
    // Back to the shape of migration 0036, with its clear rows.
    for (const auto* sql :
         {"DROP TABLE pending_signups",
          "CREATE TABLE pending_signups (address TEXT PRIMARY KEY, display_name TEXT NOT NULL, "
          "password_hash TEXT NOT NULL, language TEXT NOT NULL, created_at TEXT NOT NULL)",
          "DROP INDEX one_time_codes_address",
          "ALTER TABLE one_time_codes DROP COLUMN address_hash",
          "CREATE INDEX one_time_codes_address ON one_time_codes(purpose, address)",
          "DELETE FROM schema_migrations WHERE version >= 61"})
      db.execute(sql);
    // Migrations after 0061 run again too: the forms back to text (before 0064) and the event
    // log (empty here) back to its shape before 0062.
    back_to_text_documents(db);
    revert_compact_event_rows(db);
    revert_dossier_times(db);
    db.execute(
        "INSERT INTO pending_signups VALUES ('0977000111', 'Chi', '-', 'vi', 'now'), "
        "('chi@example.vn', 'Chi', '-', 'vi', 'now')");
    db.execute(
        "INSERT INTO one_time_codes(id, purpose, address, user_id, code_hash, created_at, "
        "expires_s) VALUES ('otp_old', 'account_verify', '0977000111', '', 'h', 'now', 100)");
    insert_user(db, {"p1", "0987654321", "applicant", "Binh", "", "", "0987654321", "-", "now"});
    insert_user(db, {"o1", "0911111111", "official", "Desk", "", "", "", "-", "now"});
    db.execute("UPDATE users SET username = '0987654321' WHERE id = 'p1'");
    db.execute("UPDATE users SET username = '0911111111' WHERE id = 'o1'");
    db.execute(
        "INSERT INTO login_failures(scope, subject, window_start, failures, last_failure) VALUES "
        "('login_user', '0987654321', 1, 1, 1)");
  });
  store_.reset();
  store_ = database_->open();
  store_->read([](SqlConnection& db) {
    EXPECT_EQ(db.query_one("SELECT MAX(version) FROM schema_migrations")->integer(0),
              sqlite_migrations().back().version);
    EXPECT_EQ(db.query_one("SELECT COUNT(*) FROM schema_migrations WHERE version = 61")->integer(0),
              1);
    EXPECT_EQ(db.query_one("SELECT username FROM users WHERE id = 'p1'")->text(0),
              "phone:" + lookup_hash("0987654321"));
    EXPECT_EQ(credentials_of(db, "0987654321")->user_id, "p1");
    EXPECT_EQ(db.query_one("SELECT username FROM users WHERE id = 'o1'")->text(0), "0911111111");
    EXPECT_EQ(credentials_of(db, "0911111111")->user_id, "o1");
    EXPECT_EQ(current_one_time_code(db, "account_verify", "0977000111")->id, "otp_old");
    EXPECT_EQ(find_pending_signup(db, "0977000111")->display_name, "Chi");
    EXPECT_EQ(find_pending_signup(db, "chi@example.vn")->address, "chi@example.vn");
    EXPECT_EQ(db.query_one("SELECT COUNT(*) FROM login_failures")->integer(0), 0)
        << "rows named their subject in clear";
    for (const auto* sql : {"SELECT address_hash || ' ' || id || ' ' || address FROM "
                            "pending_signups",
                            "SELECT id || ' ' || address_hash || ' ' || address FROM "
                            "one_time_codes"}) {
      for (const auto& r : db.query(sql)) {
        EXPECT_EQ(r.text(0).find("977000111"), std::string::npos) << r.text(0);
        EXPECT_EQ(r.text(0).find("chi@"), std::string::npos) << r.text(0);
      }
    }
  });
  for (const auto& v : raw_values()) EXPECT_TRUE(v.starts_with("enc2:")) << v;
}

// Migration 0064 on a database written before it (on PostgreSQL the column becomes bytea): every
// text form that opens is sealed again in the binary form, packed and bound to its row (an enc1
// form too); an enc2 form that does not open (under a key the process lacks, or moved from
// another row) is repacked without being opened, so it opens where it did and nowhere else.
TEST_P(PersonalDataTest, FormsWrittenBefore0064AreBytesAfterItAndStillBoundToTheirRow) {
  constexpr const char* kOtherDocument = R"({"applicant":{"name":"Binh"}})";
  constexpr const char* kOldDocument = R"({"applicant":{"name":"Cuong"}})";
  const auto insert = [](SqlConnection& db, const std::string& id, const SqlValue& document) {
    db.execute(
        "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, applicant_name, "
        "applicant_folded, channel, status, version, document, created_text, updated_text) VALUES "
        "(?, '1.001193', 1, 'c1', 'B', 'b', 'online', 'submitted', 1, ?, 'now', 'now')",
        {id, document});
  };
  // A key this process does not hold (d15 sits between the first and last rows, which
  // require_known_data_keys checks).
  const DataKeys elsewhere({DataKeys::generate()});
  std::string text_d1, text_d15;
  store_->write([&](SqlConnection& db) {
    for (const char* id : {"d2", "d3", "d15", "d16"})
      insert(db, id, seal_bytes(kOtherDocument, "dossiers", "document", id));
    back_to_text_documents(db);
    revert_dossier_times(db);  // 0068 runs again after 0064
    // A form from before values were bound to their row (enc1).
    db.execute("UPDATE dossiers SET document = ? WHERE id = 'd3'",
               {data_keys().encrypt_unbound(kOldDocument)});
    text_d1 = db.query_one("SELECT document FROM dossiers WHERE id = 'd1'")->text(0);
    text_d15 = elsewhere.encrypt(kOtherDocument, "dossiers.document|d15");
    db.execute("UPDATE dossiers SET document = ? WHERE id = 'd15'", {text_d15});
    // d1's form copied into d16's row.
    db.execute("UPDATE dossiers SET document = ? WHERE id = 'd16'", {text_d1});
  });
  ASSERT_TRUE(text_d1.starts_with("enc2:"));
  store_.reset();
  store_ = database_->open();  // applies 0064

  for (const char* id : {"d1", "d2", "d3"}) {
    EXPECT_EQ(binary_document_key(id), data_keys().current_id()) << id;
    EXPECT_EQ(std::get<Bytes>(raw_document(id)).data[0], '\x02') << id << ": packed";
  }
  const std::string bytes_d1 = std::get<Bytes>(raw_document("d1")).data;
  EXPECT_LT(bytes_d1.size() * 2, text_d1.size()) << "half the text at most";
  // Not opened: the nonce and box are the text's, base64-decoded, and open under their key.
  EXPECT_EQ(std::get<Bytes>(raw_document("d15")).data, DataKeys::binary_of_bound_text(text_d15));
  EXPECT_EQ(
      elsewhere.decrypt_binary(std::get<Bytes>(raw_document("d15")).data, "dossiers.document|d15"),
      kOtherDocument);
  EXPECT_EQ(std::get<Bytes>(raw_document("d16")).data, DataKeys::binary_of_bound_text(text_d1));
  store_->read([&](SqlConnection& db) {
    EXPECT_EQ(find_dossier(db, "d1")->document, kDocument);
    EXPECT_EQ(find_dossier(db, "d2")->document, kOtherDocument);
    EXPECT_EQ(find_dossier(db, "d3")->document, kOldDocument);
    EXPECT_THROW(find_dossier(db, "d16"), DataKeyError) << "still not d16's";
    EXPECT_NO_THROW(require_known_data_keys(db));
    if (db.dialect() == Dialect::postgres) {
      EXPECT_EQ(db.query_one("SELECT data_type FROM information_schema.columns WHERE table_name = "
                             "'dossiers' AND column_name = 'document'")
                    ->text(0),
                "bytea");
    }
  });
  // A converted form moved to another row does not open there.
  store_->write([&](SqlConnection& db) {
    db.execute("UPDATE dossiers SET document = ? WHERE id = 'd2'", {Bytes{bytes_d1}});
  });
  store_->read([](SqlConnection& db) {
    EXPECT_THROW(find_dossier(db, "d2"), DataKeyError);
    EXPECT_EQ(find_dossier(db, "d1")->document, kDocument);
  });
}

// A place not in sealed_columns() is a programming error, caught at the first seal: a misspelt
// table or column would seal values that neither the reader nor rotate-key could open.
TEST(SealContext, NamesTableColumnAndRowAndRefusesAnUnlistedColumn) {
  EXPECT_EQ(seal_context("dossiers", "document", "d1"), "dossiers.document|d1");
  EXPECT_EQ(seal_context("outbox", "payload", "sms:d1:3"), "outbox.payload|sms:d1:3");
  EXPECT_THROW(seal_context("dossiers", "documents", "d1"), std::logic_error);
  EXPECT_THROW(seal("x", "users", "email", "u1"), std::logic_error);
}

}  // namespace
}  // namespace motcua::store
