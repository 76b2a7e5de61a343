// The data keys: sealed values open again, a tampered or foreign one is refused, the keyed hash is
// stable per key, a rotated ring still opens old values, and the key file is private. A value is
// bound to the place it was sealed for (enc2): copied to another row it does not open, while the
// older enc1 values (bound to nothing) still do.
#include "store/data_keys.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

namespace motcua::store {
namespace {

constexpr const char* kHere = "users.id_number|u-1";

TEST(DataKeys, SealedValueOpensAndCarriesItsKeyId) {
  const DataKeys keys({DataKeys::generate()});
  const std::string sealed = keys.encrypt("001203004567", kHere);
  EXPECT_TRUE(sealed.starts_with("enc2:" + keys.current_id() + ":")) << sealed;
  EXPECT_TRUE(DataKeys::is_bound(sealed));
  EXPECT_EQ(sealed.find("001203004567"), std::string::npos);
  EXPECT_EQ(DataKeys::key_id_of(sealed), keys.current_id());
  EXPECT_EQ(keys.decrypt(sealed, kHere), "001203004567");
  // A random nonce: the same value seals differently each time (no equality oracle).
  EXPECT_NE(keys.encrypt("001203004567", kHere), sealed);
  EXPECT_EQ(keys.encrypt("", kHere), "");
  EXPECT_EQ(keys.decrypt("", kHere), "");
}

TEST(DataKeys, TamperedOrForeignCiphertextIsRefused) {
  const DataKeys keys({DataKeys::generate()});
  std::string sealed = keys.encrypt("0912345689", kHere);
  sealed[sealed.size() - 3] = sealed[sealed.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_THROW(keys.decrypt(sealed, kHere), DataKeyError);
  const DataKeys other({DataKeys::generate()});
  EXPECT_THROW(other.decrypt(keys.encrypt("0912345689", kHere), kHere), DataKeyError);
  EXPECT_THROW(keys.decrypt("0912345689", kHere), DataKeyError);
}

// The associated data: a value sealed for one row, column or table opens there only. Without it a
// writer of the database could move a citizen's ID number onto another account unnoticed.
TEST(DataKeys, ABoundValueOpensOnlyForThePlaceItWasSealedFor) {
  const DataKeys keys({DataKeys::generate()});
  const std::string sealed = keys.encrypt("001203004567", "users.id_number|u-1");
  EXPECT_EQ(keys.decrypt(sealed, "users.id_number|u-1"), "001203004567");
  for (const char* elsewhere : {"users.id_number|u-2", "users.phone|u-1", "users.id_number|u-10",
                                "dossier_applicant_ids.id_number|u-1", ""}) {
    EXPECT_THROW(keys.decrypt(sealed, elsewhere), DataKeyError) << elsewhere;
  }
  // Re-labelled as the old unbound format it does not open either (a downgrade is no way round).
  EXPECT_THROW(keys.decrypt("enc1:" + sealed.substr(5), "users.id_number|u-2"), DataKeyError);
}

// Values written before enc2 stay readable wherever they are, until rotate-key re-seals them.
TEST(DataKeys, OldUnboundValuesStillOpen) {
  const DataKeys keys({DataKeys::generate()});
  const std::string old = keys.encrypt_unbound("0912345689");
  EXPECT_TRUE(old.starts_with("enc1:" + keys.current_id() + ":")) << old;
  EXPECT_FALSE(DataKeys::is_bound(old));
  EXPECT_EQ(DataKeys::key_id_of(old), keys.current_id());
  EXPECT_EQ(keys.decrypt(old, "users.phone|u-1"), "0912345689");
  EXPECT_EQ(keys.decrypt(old, ""), "0912345689");
  // Re-labelled as enc2 it does not open: the two formats are different ciphers under different
  // subkeys.
  EXPECT_THROW(keys.decrypt("enc2:" + old.substr(5), "users.phone|u-1"), DataKeyError);
}

// Papers: bound to their name (the SHA-256 of the clear paper); old unbound files still open.
TEST(DataKeys, ASealedFileOpensOnlyUnderItsName) {
  const DataKeys keys({DataKeys::generate()});
  const std::string sealed = keys.encrypt_file("%PDF scan", "uploads|aaaa");
  EXPECT_TRUE(DataKeys::is_sealed_file(sealed));
  EXPECT_TRUE(DataKeys::is_bound_file(sealed));
  EXPECT_EQ(DataKeys::key_id_of_file(sealed), keys.current_id());
  EXPECT_EQ(keys.decrypt_file(sealed, "uploads|aaaa"), "%PDF scan");
  EXPECT_THROW(keys.decrypt_file(sealed, "uploads|bbbb"), DataKeyError);
  const std::string old = keys.encrypt_file_unbound("%PDF scan");
  EXPECT_TRUE(DataKeys::is_sealed_file(old));
  EXPECT_FALSE(DataKeys::is_bound_file(old));
  EXPECT_EQ(DataKeys::key_id_of_file(old), keys.current_id());
  EXPECT_EQ(keys.decrypt_file(old, "uploads|bbbb"), "%PDF scan");
}

TEST(DataKeys, LookupHashIsKeyedAndStable) {
  const DataKeys keys({DataKeys::generate()});
  const DataKeys other({DataKeys::generate()});
  EXPECT_EQ(keys.lookup_hash("0912345689"), keys.lookup_hash("0912345689"));
  EXPECT_NE(keys.lookup_hash("0912345689"), keys.lookup_hash("0912345688"));
  EXPECT_NE(keys.lookup_hash("0912345689"), other.lookup_hash("0912345689"));
  EXPECT_EQ(keys.lookup_hash("0912345689").size(), 64u);
  EXPECT_EQ(keys.lookup_hash(""), "");
}

TEST(DataKeys, RotatedRingOpensOldValuesAndHashesUnderBoth) {
  const DataKey old_key = DataKeys::generate();
  const DataKeys before({old_key});
  const std::string sealed = before.encrypt("Số 1 Tràng Tiền, Hà Nội", kHere);
  const DataKeys during({DataKeys::generate(), old_key});
  EXPECT_EQ(during.decrypt(sealed, kHere), "Số 1 Tràng Tiền, Hà Nội");
  EXPECT_EQ(DataKeys::key_id_of(during.encrypt("x", kHere)), during.current_id());
  const auto hashes = during.lookup_hashes("0912345689");
  ASSERT_EQ(hashes.size(), 2u);
  EXPECT_EQ(hashes[1], before.lookup_hash("0912345689"));
}

TEST(DataKeys, KeyFileIsCreatedPrivateAndReadBack) {
  const auto dir = std::filesystem::temp_directory_path() / "motcua_data_keys_test";
  std::filesystem::remove_all(dir);
  const std::string path = (dir / "db.sqlite.key").string();
  load_or_create_data_keys(path);
  // The new key is written only once the database has opened (open_store calls this).
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_FALSE(persist_new_data_key());
  EXPECT_FALSE(persist_new_data_key());  // nothing pending any more
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  const std::string sealed = data_keys().encrypt("079090001234", kHere);
  const DataKeys again = DataKeys::read_file(path);
  EXPECT_EQ(again.decrypt(sealed, kHere), "079090001234");
  // A second start reads the same file rather than making a new key.
  load_or_create_data_keys(path);
  EXPECT_EQ(data_keys().current_id(), again.current_id());
  // A key file others can read is refused.
  std::filesystem::permissions(path, std::filesystem::perms::group_read,
                               std::filesystem::perm_options::add);
  EXPECT_THROW(DataKeys::read_file(path), DataKeyError);
  std::filesystem::remove_all(dir);
}

// Two servers starting on one new database at once: each makes a key, only the first written is
// kept, and the other process takes it instead of keeping a key nobody else has.
TEST(DataKeys, TheSecondOfTwoNewKeysForOneFileGivesWayToTheFirst) {
  const auto dir = std::filesystem::temp_directory_path() / "motcua_data_keys_race_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "db.sqlite.data-key").string();
  load_or_create_data_keys(path);
  const std::string mine = data_keys().current_id();
  const DataKeys theirs({DataKeys::generate()});
  ASSERT_TRUE(theirs.write_file_if_absent(path));
  EXPECT_FALSE(theirs.write_file_if_absent(path));
  EXPECT_TRUE(persist_new_data_key());
  EXPECT_EQ(data_keys().current_id(), theirs.current_id());
  EXPECT_NE(data_keys().current_id(), mine);
  EXPECT_EQ(DataKeys::read_file(path).current_id(), theirs.current_id());
  std::filesystem::remove_all(dir);
}

// The binary form (dossiers.document, migration 0064): a form packed before sealing (format 0x02)
// opens only in its row, and with the format byte flipped it does not open at all; the unpacked
// format (0x01, what the migration's repacking of enc2 gives) still opens.
TEST(DataKeys, BinaryFormsOpenOnlyInTheirPlaceAndFormat) {
  const DataKeys keys({DataKeys::generate()});
  const std::string form = R"({"applicant":{"name":"Nguyễn Văn An","id_number":"001203004567"}})";
  const auto packed = keys.encrypt_binary(form, "dossiers.document|d1", true);
  const auto plain = keys.encrypt_binary(form, "dossiers.document|d1");
  EXPECT_EQ(packed[0], '\x02');
  EXPECT_EQ(plain[0], '\x01');
  EXPECT_LT(packed.size(), plain.size());
  EXPECT_EQ(DataKeys::key_id_of_binary(packed), keys.current_id());
  EXPECT_EQ(keys.decrypt_binary(packed, "dossiers.document|d1"), form);
  EXPECT_EQ(keys.decrypt_binary(plain, "dossiers.document|d1"), form);
  EXPECT_THROW(keys.decrypt_binary(packed, "dossiers.document|d2"), DataKeyError);
  EXPECT_THROW(keys.decrypt_binary(plain, "dossiers.document|d2"), DataKeyError);
  auto flipped = packed;
  flipped[0] = '\x01';
  EXPECT_THROW(keys.decrypt_binary(flipped, "dossiers.document|d1"), DataKeyError);
  flipped = plain;
  flipped[0] = '\x02';
  EXPECT_THROW(keys.decrypt_binary(flipped, "dossiers.document|d1"), DataKeyError);
  // The enc2 text repacked without the key opens as the same value.
  const auto text = keys.encrypt(form, "dossiers.document|d1");
  const auto repacked = DataKeys::binary_of_bound_text(text);
  EXPECT_EQ(keys.decrypt_binary(repacked, "dossiers.document|d1"), form);
  EXPECT_TRUE(DataKeys::binary_of_bound_text(keys.encrypt_unbound(form)).empty());
  EXPECT_EQ(keys.encrypt_binary("", "dossiers.document|d1", true), "");
}

}  // namespace
}  // namespace motcua::store
