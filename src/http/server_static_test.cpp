// Static files through the real server: types, cache policy, ETag/304, gzip, traversal attempts,
// the SPA fallback.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <filesystem>
#include <fstream>

#include "http/gzip.hpp"
#include "http/test_support.hpp"

namespace motcua::http {
namespace {

namespace fs = std::filesystem;
using testing::fetch;
using testing::TestClient;
using testing::TestServer;

const std::string kIndex =
    "<!doctype html><html lang=\"vi\"><head><title>Một cửa</title></head><body><div id=\"app\">"
    "</div><script type=\"module\" src=\"/assets/index-4f3a9c1b.js\"></script></body></html>\n";

std::string big_script() {
  std::string js;
  for (int i = 0; i < 400; ++i) js += "export const step" + std::to_string(i) + " = 'tiếp nhận';\n";
  return js;
}

void write(const fs::path& path, std::string_view bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

class StaticServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    base = fs::temp_directory_path() /
           ("motcua-static-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(base);
    root = base / "dist";
    write(root / "index.html", kIndex);
    write(root / "assets" / "index-4f3a9c1b.js", big_script());
    write(root / "assets" / "logo.png",
          std::string("\x89PNG\r\n\x1a\n", 8) + std::string(600, 'x'));
    write(root / "assets" / "style-12345678.css", "body{color:red}");
    write(root / "assets" / "style-12345678.css.gz", gzip_compress("/* from the build */"));
    write(root / "robots.txt", "User-agent: *\n");
    write(root / ".env", "SECRET=1");
    write(base / "outside" / "secret.txt", "root:x:0:0");
    fs::create_symlink(base / "outside" / "secret.txt", root / "leak.txt");
    server = std::make_unique<TestServer>(
        [](Router& router, Metrics&) {
          router.add(Method::get, "/api/v1/ping",
                     [](HttpRequest&) { return HttpResponse::text(200, "pong"); });
        },
        [this](ServerConfig& c) { c.static_dir = root.string(); });
  }
  void TearDown() override {
    server.reset();
    fs::remove_all(base);
  }
  std::uint16_t port() { return server->port(); }

  fs::path base;
  fs::path root;
  std::unique_ptr<TestServer> server;
};

void expect_problem(const testing::ClientResponse& res, int status, std::string_view code) {
  EXPECT_EQ(res.status, status);
  EXPECT_EQ(res.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(std::string_view(boost::json::parse(res.body).as_object().at("code").as_string()),
            code);
}

TEST_F(StaticServerTest, ServesFilesWithTypeAndCachePolicy) {
  const auto js = fetch(port(), "GET", "/assets/index-4f3a9c1b.js");
  ASSERT_EQ(js.status, 200);
  EXPECT_EQ(js.body, big_script());
  EXPECT_EQ(js.header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js.header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(js.header("Vary"), "Accept-Encoding");
  EXPECT_FALSE(js.has_header("Content-Encoding"));
  EXPECT_EQ(js.header("X-Content-Type-Options"), "nosniff");

  const auto index = fetch(port(), "GET", "/");
  ASSERT_EQ(index.status, 200);
  EXPECT_EQ(index.body, kIndex);
  EXPECT_EQ(index.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.header("Cache-Control"), "no-cache");
  EXPECT_EQ(fetch(port(), "GET", "/index.html").header("Cache-Control"), "no-cache");

  const auto png = fetch(port(), "GET", "/assets/logo.png");
  EXPECT_EQ(png.header("Content-Type"), "image/png");
  EXPECT_EQ(png.header("Cache-Control"), "no-cache");  // not a hashed name
  EXPECT_FALSE(png.has_header("Vary"));                // no gzip variant for images

  // API routes still win over the file system.
  EXPECT_EQ(fetch(port(), "GET", "/api/v1/ping").body, "pong");
}

TEST_F(StaticServerTest, ETagAndIfNoneMatch) {
  const auto first = fetch(port(), "GET", "/robots.txt");
  const std::string etag = first.header("ETag");
  ASSERT_EQ(etag.size(), 34u) << etag;
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(fetch(port(), "GET", "/robots.txt").header("ETag"), etag);  // stable

  TestClient client(port());
  const auto not_modified = client.request("GET", "/robots.txt", {{"If-None-Match", etag}});
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_EQ(not_modified.body, "");
  EXPECT_EQ(not_modified.header("ETag"), etag);
  // The connection is still in step after a 304.
  EXPECT_EQ(client.request("GET", "/robots.txt", {{"If-None-Match", "\"other\""}}).status, 200);
}

TEST_F(StaticServerTest, GzipWhenAcceptedAndCorrectBytes) {
  const auto plain = fetch(port(), "GET", "/assets/index-4f3a9c1b.js");
  for (int round = 0; round < 2; ++round) {  // compressed once, then from memory
    const auto res = fetch(port(), "GET", "/assets/index-4f3a9c1b.js",
                           {{"Accept-Encoding", "br;q=1.0, gzip;q=0.8"}});
    ASSERT_EQ(res.status, 200);
    EXPECT_EQ(res.header("Content-Encoding"), "gzip");
    EXPECT_EQ(res.header("Vary"), "Accept-Encoding");
    EXPECT_LT(res.body.size(), plain.body.size());
    EXPECT_EQ(gzip_decompress(res.body, 1 << 20), big_script());
    EXPECT_NE(res.header("ETag"), plain.header("ETag"));  // another representation

    const auto revalidated =
        fetch(port(), "GET", "/assets/index-4f3a9c1b.js",
              {{"Accept-Encoding", "gzip"}, {"If-None-Match", res.header("ETag")}});
    EXPECT_EQ(revalidated.status, 304);
  }
  const auto refused =
      fetch(port(), "GET", "/assets/index-4f3a9c1b.js", {{"Accept-Encoding", "gzip;q=0, deflate"}});
  EXPECT_FALSE(refused.has_header("Content-Encoding"));
  EXPECT_EQ(refused.body, big_script());
}

TEST_F(StaticServerTest, PrecompressedFileIsPreferred) {
  const auto res =
      fetch(port(), "GET", "/assets/style-12345678.css", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(res.header("Content-Encoding"), "gzip");
  EXPECT_EQ(res.header("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(gzip_decompress(res.body, 1024), "/* from the build */");
  EXPECT_EQ(fetch(port(), "GET", "/assets/style-12345678.css").body, "body{color:red}");
}

TEST_F(StaticServerTest, TraversalAndEscapesAreRefused) {
  for (const char* target :
       {"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/outside/secret.txt",
        "/assets/..%2f..%2foutside%2fsecret.txt", "/assets/%2e%2e/%2e%2e/outside/secret.txt",
        "/assets/..\\..\\outside\\secret.txt", "/robots.txt%00.html"}) {
    TestClient client(port());
    client.send(std::string("GET ") + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto res = client.read_response();
    EXPECT_EQ(res.status, 400) << target;
    EXPECT_EQ(res.body.find("root:"), std::string::npos) << target;
  }
  const auto leak = fetch(port(), "GET", "/leak.txt");  // a symlink out of the root
  expect_problem(leak, 404, "not_found");
  EXPECT_EQ(leak.body.find("root:"), std::string::npos);
  expect_problem(fetch(port(), "GET", "/.env"), 404, "not_found");
}

TEST_F(StaticServerTest, SpaFallbackForClientRoutesOnly) {
  const auto route = fetch(port(), "GET", "/ho-so/H01-260312-0001");
  ASSERT_EQ(route.status, 200);
  EXPECT_EQ(route.body, kIndex);
  EXPECT_EQ(route.header("Cache-Control"), "no-cache");
  EXPECT_EQ(fetch(port(), "GET", "/can-bo/").body, kIndex);

  expect_problem(fetch(port(), "GET", "/assets/missing-12345678.js"), 404, "not_found");
  expect_problem(fetch(port(), "GET", "/api/v1/unknown"), 404, "not_found");
  expect_problem(fetch(port(), "GET", "/api"), 404, "not_found");
}

TEST_F(StaticServerTest, HeadAndOtherMethods) {
  TestClient client(port());
  const auto head = client.request("HEAD", "/assets/index-4f3a9c1b.js");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("Content-Length"), std::to_string(big_script().size()));
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(client.request("GET", "/robots.txt").body, "User-agent: *\n");

  const auto post = fetch(port(), "POST", "/index.html", {}, "x");
  expect_problem(post, 405, "method_not_allowed");
  EXPECT_EQ(post.header("Allow"), "GET, HEAD");
}

TEST_F(StaticServerTest, StaticRequestsShareOneMetricsLabel) {
  ASSERT_EQ(fetch(port(), "GET", "/robots.txt").status, 200);
  ASSERT_EQ(fetch(port(), "GET", "/ho-so/1").status, 200);
  const std::string series =
      R"m(motcua_http_requests_total{method="GET",route="(static)",status="200"})m";
  EXPECT_TRUE(testing::eventually(
      [&] { return testing::metric_value(server->metrics().render(), series) == 2.0; }));
}

TEST(StaticServer, MissingDirectoryGives404Problems) {
  TestServer server(nullptr, [](ServerConfig& c) { c.static_dir = "/nonexistent/motcua/dist"; });
  for (const char* target : {"/", "/index.html", "/ho-so/1"}) {
    const auto res = fetch(server.port(), "GET", target);
    EXPECT_EQ(res.status, 404) << target;
    EXPECT_EQ(res.header("Content-Type"), "application/problem+json") << target;
  }
}

}  // namespace
}  // namespace motcua::http
