// Unit tests of the pieces behind static file serving: path safety, content negotiation, gzip,
// content types and cache policy.
#include "http/static_path.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "http/content_type.hpp"
#include "http/file_cache.hpp"
#include "http/gzip.hpp"
#include "http/negotiation.hpp"
#include "http/static_files.hpp"

namespace motcua::http {
namespace {

namespace fs = std::filesystem;
using Verdict = StaticPath::Verdict;

TEST(StaticPath, PlainPaths) {
  auto p = static_path("/assets/index-4f3a9c1b.js");
  ASSERT_EQ(p.verdict, Verdict::ok);
  EXPECT_EQ(p.relative, fs::path("assets/index-4f3a9c1b.js"));
  EXPECT_EQ(p.last_segment, "index-4f3a9c1b.js");
  EXPECT_FALSE(p.directory);

  p = static_path("/");
  ASSERT_EQ(p.verdict, Verdict::ok);
  EXPECT_TRUE(p.relative.empty());
  EXPECT_TRUE(p.directory);

  p = static_path("/h%E1%BB%93-s%C6%A1/");
  ASSERT_EQ(p.verdict, Verdict::ok);
  EXPECT_EQ(p.relative, fs::path("hồ-sơ"));
  EXPECT_TRUE(p.directory);
}

TEST(StaticPath, TraversalAndControlCharactersAreInvalid) {
  for (const char* bad :
       {"/../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd", "/a/../../x", "/a/./b",
        "/a/%2e/b", "/..%2fetc%2fpasswd", "/a%2F..%2F..%2Fetc", "/a%5c..%5cb", "/a%00.js",
        "/a%0d%0a", "/a//b", "/%zz", "relative"}) {
    EXPECT_EQ(static_path(bad).verdict, Verdict::invalid) << bad;
  }
  EXPECT_EQ(static_path("/.git/config").verdict, Verdict::hidden);
  EXPECT_EQ(static_path("/assets/.env").verdict, Verdict::hidden);
}

class ResolveInside : public ::testing::Test {
 protected:
  void SetUp() override {
    base = fs::temp_directory_path() / ("motcua-static-path-" + std::to_string(::getpid()));
    fs::remove_all(base);
    fs::create_directories(base / "root" / "sub");
    fs::create_directories(base / "outside");
    std::ofstream(base / "root" / "sub" / "in.txt") << "in";
    std::ofstream(base / "outside" / "secret.txt") << "secret";
    fs::create_symlink(base / "outside" / "secret.txt", base / "root" / "escape.txt");
    fs::create_symlink(base / "outside", base / "root" / "escape-dir");
    fs::create_symlink(base / "root" / "sub" / "in.txt", base / "root" / "alias.txt");
    root = fs::canonical(base / "root");
  }
  void TearDown() override { fs::remove_all(base); }
  fs::path base;
  fs::path root;
};

TEST_F(ResolveInside, AllowsFilesAndLinksInsideOnly) {
  EXPECT_EQ(resolve_inside(root, "sub/in.txt"), root / "sub" / "in.txt");
  EXPECT_EQ(resolve_inside(root, "alias.txt"), root / "sub" / "in.txt");
  EXPECT_FALSE(resolve_inside(root, "escape.txt"));
  EXPECT_FALSE(resolve_inside(root, "escape-dir/secret.txt"));
  EXPECT_FALSE(resolve_inside(root, "sub"));  // a directory is not a file
  EXPECT_FALSE(resolve_inside(root, "missing.txt"));
}

TEST_F(ResolveInside, FileCacheNoticesChangesAndStaysInBudget) {
  const fs::path file = root / "sub" / "in.txt";
  FileCache cache(64, 32);
  auto first = cache.load(file, false, true, std::nullopt);
  ASSERT_TRUE(first);
  EXPECT_EQ(*first->identity.bytes, "in");
  EXPECT_EQ(first->identity.etag.size(), 34u);  // 32 hex digits in quotes

  std::ofstream(file) << "changed";
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
  auto second = cache.load(file, false, true, std::nullopt);
  ASSERT_TRUE(second);
  EXPECT_EQ(*second->identity.bytes, "changed");
  EXPECT_NE(second->identity.etag, first->identity.etag);
  EXPECT_LE(cache.bytes_used(), 64u);
}

TEST(Negotiation, AcceptEncoding) {
  EXPECT_TRUE(accepts_encoding("gzip, deflate, br", "gzip"));
  EXPECT_TRUE(accepts_encoding("GZIP;q=0.5", "gzip"));
  EXPECT_TRUE(accepts_encoding("*", "gzip"));
  EXPECT_FALSE(accepts_encoding("gzip;q=0", "gzip"));
  EXPECT_FALSE(accepts_encoding("gzip;q=0.000", "gzip"));
  EXPECT_FALSE(accepts_encoding("*;q=0.2, gzip;q=0", "gzip"));
  EXPECT_FALSE(accepts_encoding("br, deflate", "gzip"));
  EXPECT_FALSE(accepts_encoding("", "gzip"));
  EXPECT_FALSE(accepts_encoding("gzip;q=abc", "gzip"));
  EXPECT_FALSE(accepts_encoding("*;q=0", "gzip"));
}

TEST(Negotiation, IfNoneMatch) {
  EXPECT_TRUE(if_none_match_matches("\"abc\"", "\"abc\""));
  EXPECT_TRUE(if_none_match_matches("\"x\", W/\"abc\"", "\"abc\""));
  EXPECT_TRUE(if_none_match_matches("*", "\"abc\""));
  EXPECT_FALSE(if_none_match_matches("\"abcd\"", "\"abc\""));
  EXPECT_FALSE(if_none_match_matches("", "\"abc\""));
}

TEST(Gzip, RoundTripAndGuards) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "Thủ tục hành chính một cửa. ";
  const std::string packed = gzip_compress(text);
  EXPECT_LT(packed.size(), text.size() / 10);
  EXPECT_EQ(static_cast<unsigned char>(packed[0]), 0x1f);  // gzip magic
  EXPECT_EQ(static_cast<unsigned char>(packed[1]), 0x8b);
  EXPECT_EQ(gzip_decompress(packed, text.size()), text);
  EXPECT_FALSE(gzip_decompress(packed, text.size() - 1));  // would exceed the limit
  EXPECT_FALSE(gzip_decompress(packed.substr(0, packed.size() / 2), text.size()));
  EXPECT_FALSE(gzip_decompress("not gzip at all", 100));
  EXPECT_EQ(gzip_decompress(gzip_compress(""), 10), "");
}

TEST(ContentType, ByExtension) {
  EXPECT_EQ(content_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("app.JS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("logo.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("font.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("README"), "application/octet-stream");
  EXPECT_EQ(content_type_for("x.unknown"), "application/octet-stream");
  EXPECT_TRUE(is_compressible("text/css; charset=utf-8"));
  EXPECT_TRUE(is_compressible("image/svg+xml"));
  EXPECT_FALSE(is_compressible("image/png"));
  EXPECT_FALSE(is_compressible("font/woff2"));
}

TEST(CachePolicy, HashedAssets) {
  EXPECT_TRUE(is_hashed_asset("/assets/index-4f3a9c1b.js"));
  EXPECT_TRUE(is_hashed_asset("/assets/logo.BxT3kq9L.svg"));
  EXPECT_TRUE(is_hashed_asset("/assets/fonts/inter-Ab_c-123.woff2"));
  EXPECT_FALSE(is_hashed_asset("/assets/logo.svg"));
  EXPECT_FALSE(is_hashed_asset("/index-4f3a9c1b.js"));  // not under /assets/
  EXPECT_FALSE(is_hashed_asset("/assets/index-4f3a.js"));
  EXPECT_FALSE(is_hashed_asset("/assets/index4f3a9c1b.js"));
}

}  // namespace
}  // namespace motcua::http
