#include "store/file_blobs.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "store/data_keys.hpp"
#include "store/hashing.hpp"
#include "store/sql.hpp"

namespace motcua::store {
namespace {

namespace fs = std::filesystem;

class FileBlobsTest : public ::testing::Test {
 protected:
  void SetUp() override { fs::remove_all(root_); }
  void TearDown() override { fs::remove_all(root_); }
  fs::path root_ =
      fs::temp_directory_path() / ("motcua-blobs-" + std::to_string(::getpid()) + "-" +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::string dir_ = (root_ / "uploads").string();  // put_blob creates it
};

TEST_F(FileBlobsTest, StoresUnderTheHashOfTheContentOnce) {
  const std::string bytes("%PDF-1.7\0binary\xFF", 16);
  const auto first = put_blob(dir_, bytes);
  EXPECT_EQ(first.sha256, sha256_hex(bytes));
  EXPECT_EQ(first.size, 16);
  EXPECT_TRUE(first.created);
  EXPECT_TRUE(fs::exists(fs::path(dir_) / first.sha256));
  const auto again = put_blob(dir_, bytes);
  EXPECT_EQ(again.sha256, first.sha256);
  EXPECT_FALSE(again.created);
  EXPECT_EQ(read_blob(dir_, first.sha256), bytes);
  // No temporary file is left behind.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_)) ++files;
  EXPECT_EQ(files, 1u);
}

std::string raw_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Papers are sealed at rest: the file shows neither the content nor its PDF header, yet reads back
// whole; a tampered file is refused rather than served.
TEST_F(FileBlobsTest, FilesAreSealedUnderTheDataKeyAndTamperingIsRefused) {
  const std::string bytes = "%PDF-1.7 CCCD 001090012345 Nguyen Van A";
  const auto blob = put_blob(dir_, bytes);
  const auto path = fs::path(dir_) / blob.sha256;
  const auto stored = raw_file(path);
  EXPECT_TRUE(DataKeys::is_sealed_file(stored));
  EXPECT_EQ(DataKeys::key_id_of_file(stored), data_keys().current_id());
  EXPECT_EQ(stored.find("001090012345"), std::string::npos);
  EXPECT_EQ(stored.find("%PDF"), std::string::npos);
  EXPECT_EQ(read_blob(dir_, blob.sha256), bytes);

  auto tampered = stored;
  tampered.back() = static_cast<char>(tampered.back() ^ 1);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << tampered;
  EXPECT_THROW(read_blob(dir_, blob.sha256), DataKeyError);
}

// rotate-key's part for papers: clear files from before sealing and files under the old key are
// re-sealed under the current key, each read back as it was; a file that does not match its name
// stops the run.
TEST_F(FileBlobsTest, ResealingMovesEveryFileToTheCurrentKey) {
  const auto before = data_keys_shared();
  const auto old_blob = put_blob(dir_, "sealed under the old key");
  const std::string clear = "stored clear before sealing";
  fs::create_directories(dir_);
  std::ofstream(fs::path(dir_) / sha256_hex(clear), std::ios::binary) << clear;
  EXPECT_EQ(read_blob(dir_, sha256_hex(clear)), clear);

  std::vector<DataKey> ring{DataKeys::generate()};
  for (const auto& k : before->keys()) ring.push_back(k);
  install_data_keys(std::make_shared<const DataKeys>(ring));
  EXPECT_EQ(reseal_blobs(dir_), 2);
  EXPECT_EQ(reseal_blobs(dir_), 0);  // done
  for (const auto& name : {old_blob.sha256, sha256_hex(clear)}) {
    EXPECT_EQ(DataKeys::key_id_of_file(raw_file(fs::path(dir_) / name)), ring.front().id);
  }
  install_data_keys(std::make_shared<const DataKeys>(std::vector{ring.front()}));
  EXPECT_EQ(read_blob(dir_, old_blob.sha256), "sealed under the old key");
  EXPECT_EQ(read_blob(dir_, sha256_hex(clear)), clear);

  std::ofstream(fs::path(dir_) / sha256_hex("a name for other bytes"), std::ios::binary)
      << "other bytes";
  EXPECT_THROW(reseal_blobs(dir_), StoreError);
  install_data_keys(before);
}

// A file of the same content sealed under a key this process lacks (a folder another installation
// shares, a replaced key file) is written again under ours instead of being handed out unreadable.
TEST_F(FileBlobsTest, AFileUnderAForeignKeyIsWrittenAgainUnderOurs) {
  const auto ours = data_keys_shared();
  install_data_keys(std::make_shared<const DataKeys>(std::vector{DataKeys::generate()}));
  const auto foreign = put_blob(dir_, "the same scanned paper");
  install_data_keys(ours);
  EXPECT_THROW(read_blob(dir_, foreign.sha256), DataKeyError);
  const auto again = put_blob(dir_, "the same scanned paper");
  EXPECT_TRUE(again.created);
  EXPECT_EQ(read_blob(dir_, again.sha256), "the same scanned paper");
}

// A sealed paper is bound to its name: one copied over another name (a writer of the uploads folder
// swapping two citizens' papers) is refused rather than served as the other paper.
TEST_F(FileBlobsTest, APaperMovedToAnotherNameIsRefused) {
  const auto an = put_blob(dir_, "CCCD of An");
  const auto binh = put_blob(dir_, "CCCD of Binh");
  EXPECT_TRUE(DataKeys::is_bound_file(raw_file(fs::path(dir_) / an.sha256)));
  fs::copy_file(fs::path(dir_) / an.sha256, fs::path(dir_) / binh.sha256,
                fs::copy_options::overwrite_existing);
  EXPECT_THROW(read_blob(dir_, binh.sha256), DataKeyError);
  EXPECT_EQ(read_blob(dir_, an.sha256), "CCCD of An");
}

// A paper sealed before papers were bound to their name still reads; resealing binds it.
TEST_F(FileBlobsTest, AnUnboundPaperStillReadsAndResealingBindsIt) {
  const std::string clear = "sealed before papers were bound";
  const auto path = fs::path(dir_) / sha256_hex(clear);
  fs::create_directories(dir_);
  std::ofstream(path, std::ios::binary) << data_keys().encrypt_file_unbound(clear);
  EXPECT_FALSE(DataKeys::is_bound_file(raw_file(path)));
  EXPECT_EQ(read_blob(dir_, sha256_hex(clear)), clear);
  EXPECT_EQ(reseal_blobs(dir_), 1);
  EXPECT_TRUE(DataKeys::is_bound_file(raw_file(path)));
  EXPECT_EQ(read_blob(dir_, sha256_hex(clear)), clear);
  EXPECT_EQ(reseal_blobs(dir_), 0);
}

TEST_F(FileBlobsTest, ReadsOnlyHashNames) {
  put_blob(dir_, "x");
  EXPECT_FALSE(read_blob(dir_, "../../etc/passwd"));
  EXPECT_FALSE(read_blob(dir_, std::string(64, 'A')));  // upper case is not a name we write
  EXPECT_FALSE(read_blob(dir_, std::string(64, '0')));  // well formed, not there
  EXPECT_TRUE(is_sha256_hex(sha256_hex("x")));
  EXPECT_FALSE(is_sha256_hex("abc"));
}

TEST_F(FileBlobsTest, AFailedWriteThrowsAndLeavesNoTemporaryFile) {
  // A folder squatting on the final name makes the rename fail (even for root).
  const std::string bytes = "bytes";
  const auto blocked = fs::path(dir_) / sha256_hex(bytes);
  fs::create_directories(blocked / "inside");
  EXPECT_THROW(put_blob(dir_, bytes), StoreError);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_)) ++entries;
  EXPECT_EQ(entries, 1u);  // only the squatter
}

}  // namespace
}  // namespace motcua::store
