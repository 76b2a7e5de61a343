// Personal data at rest, on both engines: the ID number and phone of an account, the dossier's ID
// number and application form and the postal receiver's phone and address are stored sealed (no
// clear value in the rows), read back clear, found by keyed hash; clear rows from before migration
// 0053 are sealed; `rotate-key` re-seals every value under a new key and audits it.
#include "store/personal_data.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "store/account_repository.hpp"
#include "store/audit_log.hpp"
#include "store/data_keys.hpp"
#include "store/dossier_repository.hpp"
#include "store/key_rotation.hpp"
#include "store/one_time_code_repository.hpp"
#include "store/postal_repository.hpp"
#include "store/test_database.hpp"
#include "store/test_seed.hpp"
#include "store/user_repository.hpp"

namespace motcua::store {
namespace {

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
          "applicant_folded, channel, status, version, document, created_at, updated_at) VALUES "
          "('d1', '1.001193', 1, 'c1', 'An', 'an', 'online', 'submitted', 1, ?, 'now', 'now')",
          {seal(kDocument)});
      set_dossier_applicant_id(db, "d1", kIdNumber);
      save_postal_choice(db, {"d1", false, true, "An", kPhone, kAddress, 0, "a1", "now"});
    });
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
    std::filesystem::remove(key_file_);
  }
  // Every stored value of the sealed columns, as the database holds it.
  std::vector<std::string> raw_values() {
    std::vector<std::string> out;
    store_->read([&](SqlConnection& db) {
      for (const auto& c : sealed_columns()) {
        for (const auto& row : db.query(std::string("SELECT ") + c.column + " FROM " + c.table)) {
          if (!row.text(0).empty()) out.push_back(row.text(0));
        }
      }
    });
    return out;
  }
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
  std::string key_file_;
};

INSTANTIATE_TEST_SUITE_P(Engines, PersonalDataTest, ::testing::ValuesIn(test_engines()),
                         engine_name);

TEST_P(PersonalDataTest, StoredSealedReadClearFoundByHash) {
  const auto raw = raw_values();
  ASSERT_EQ(raw.size(), 6u);
  for (const auto& v : raw) {
    EXPECT_TRUE(v.starts_with("enc1:" + data_keys().current_id() + ":")) << v;
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
  for (const auto& v : raw_values()) EXPECT_TRUE(v.starts_with("enc1:")) << v;
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
  for (const auto& v : raw_values()) EXPECT_EQ(DataKeys::key_id_of(v), rotation.new_key_id);
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

}  // namespace
}  // namespace motcua::store
