#include "store/file_blobs.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

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
