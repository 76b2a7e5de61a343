#include "codec/catalog_file.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>

namespace motcua::codec {
namespace {

class CatalogFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("motcua-catalog-file-" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path write_plain(const std::string& name, const std::string& bytes) {
    const auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::filesystem::path write_gzip(const std::string& name, const std::string& bytes) {
    const auto path = dir_ / name;
    gzFile f = gzopen(path.c_str(), "wb");
    gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(f);
    return path;
  }

  std::filesystem::path dir_;
};

const std::string kContent = "\xEF\xBB\xBF{\"a\":1}\r\n\n{\"b\":2}\n{\"c\":3}";

void expect_lines(const tl::expected<std::vector<CatalogLine>, std::string>& lines) {
  ASSERT_TRUE(lines) << lines.error();
  ASSERT_EQ(lines->size(), 4u);
  EXPECT_EQ((*lines)[0].number, 1u);
  EXPECT_EQ((*lines)[0].text, "{\"a\":1}");  // byte-order mark and "\r" removed
  EXPECT_EQ((*lines)[1].text, "");
  EXPECT_EQ((*lines)[2].text, "{\"b\":2}");
  EXPECT_EQ((*lines)[3].number, 4u);
  EXPECT_EQ((*lines)[3].text, "{\"c\":3}");  // last line without a newline
}

TEST_F(CatalogFile, ReadsPlainAndGzipTheSameWay) {
  expect_lines(read_catalog_file(write_plain("a.jsonl", kContent)));
  expect_lines(read_catalog_file(write_gzip("a.jsonl.gz", kContent)));
}

TEST_F(CatalogFile, LongLinesCrossChunkBoundaries) {
  const std::string long_line(300000, 'x');
  const auto lines = read_catalog_file(write_gzip("long.jsonl.gz", long_line + "\nshort\n"));
  ASSERT_TRUE(lines);
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[0].text, long_line);
  EXPECT_EQ((*lines)[1].text, "short");
}

TEST_F(CatalogFile, MissingAndCorruptFilesAreErrors) {
  EXPECT_FALSE(read_catalog_file(dir_ / "none.jsonl"));
  // A gzip stream cut in half.
  const auto whole = write_gzip("whole.gz", std::string(100000, 'y') + "\n");
  std::ifstream in(whole, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto cut = write_plain("cut.jsonl.gz", bytes.substr(0, bytes.size() / 2));
  EXPECT_FALSE(read_catalog_file(cut));
}

TEST_F(CatalogFile, ImportCountsEveryLine) {
  const auto path = write_plain(
      "mixed.jsonl",
      "{\"ma_thu_tuc\":\"1.000001\",\"ten_thu_tuc\":\"A\",\"cach_thuc_thuc_hien\":[]}\n"
      "not json\n\n"
      "{\"ma_thu_tuc\":\"1.000002\",\"ten_thu_tuc\":\"B\",\"cach_thuc_thuc_hien\":[]}\n");
  std::size_t seen = 0;
  const auto summary = import_catalog_file(path, [&](const CatalogLineResult&) { ++seen; });
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->lines, 4u);
  EXPECT_EQ(summary->blank, 1u);
  EXPECT_EQ(summary->parsed(), 2u);
  ASSERT_EQ(summary->rejected.size(), 1u);
  EXPECT_EQ(summary->rejected[0].line, 2u);
  EXPECT_EQ(seen, 3u);
}

}  // namespace
}  // namespace motcua::codec
