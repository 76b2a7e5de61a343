// Native TLS for installs without a reverse proxy (issue 18 point 7): HTTPS with HSTS on the
// server's own port, a plain-HTTP client told to use https://, old protocol versions refused, keys
// that other users can read refused, and the connection limits unchanged.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "http/server.hpp"
#include "http/test_support.hpp"

namespace motcua::http {
namespace {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
namespace bhttp = boost::beast::http;
using testing::TestClient;
using testing::TestServer;

// A throwaway certificate for localhost/127.0.0.1, made by the OpenSSL command line at run time
// (no key material lives in the repository).
struct Certificate {
  std::filesystem::path dir;
  std::string cert, key;

  Certificate() {
    std::random_device rd;
    dir = std::filesystem::temp_directory_path() / ("motcua-tls-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    cert = (dir / "cert.pem").string();
    key = (dir / "key.pem").string();
    make(cert, key, "localhost");
    ::chmod(key.c_str(), 0600);
  }
  ~Certificate() {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
  static void make(const std::string& cert, const std::string& key, const std::string& name) {
    const std::string command =
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
        "-subj /CN=" +
        name + " -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout " + key + " -out " +
        cert + " 2>/dev/null";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("openssl req failed");
  }
};

void who_routes(Router& router, Metrics&) {
  router.add(Method::get, "/api/v1/who", [](HttpRequest& req) {
    return HttpResponse::text(200, req.client() + (req.secure_transport ? " tls" : " plain"));
  });
}

std::function<void(ServerConfig&)> with_tls(const Certificate& c, std::size_t per_address = 512) {
  return [&c, per_address](ServerConfig& config) {
    config.tls_certificate_file = c.cert;
    config.tls_private_key_file = c.key;
    config.max_connections_per_address = per_address;
  };
}

// A client that checks the server's certificate against the one the test made.
class TlsClient {
 public:
  TlsClient(std::uint16_t port, const Certificate& c, int max_version = 0)
      : ctx_(ssl::context::tls_client), stream_(io_, ctx_) {
    ctx_.load_verify_file(c.cert);
    ctx_.set_verify_mode(ssl::verify_peer);
    if (max_version != 0) {
      // Allowed down to TLS 1.0 on the client's side (Debian's default floor is 1.2), so that a
      // refusal can only come from the server.
      SSL_set_security_level(stream_.native_handle(), 0);
      SSL_set_min_proto_version(stream_.native_handle(), TLS1_VERSION);
      SSL_set_max_proto_version(stream_.native_handle(), max_version);
    }
    SSL_set_tlsext_host_name(stream_.native_handle(), "localhost");
    stream_.set_verify_callback(ssl::host_name_verification("localhost"));
    stream_.next_layer().connect({asio::ip::make_address("127.0.0.1"), port});
  }
  boost::system::error_code handshake() {
    boost::system::error_code ec;
    stream_.handshake(ssl::stream_base::client, ec);
    return ec;
  }
  bhttp::response<bhttp::string_body> get(const std::string& target) {
    bhttp::request<bhttp::string_body> req{bhttp::verb::get, target, 11};
    req.set(bhttp::field::host, "localhost");
    bhttp::write(stream_, req);
    bhttp::response<bhttp::string_body> res;
    bhttp::read(stream_, buffer_, res);
    return res;
  }

 private:
  asio::io_context io_;
  ssl::context ctx_;
  ssl::stream<asio::ip::tcp::socket> stream_;
  boost::beast::flat_buffer buffer_;
};

TEST(NativeTls, ServesHttpsWithHstsAndKeepsConnectionsAlive) {
  const Certificate c;
  TestServer server{who_routes, with_tls(c)};
  TlsClient client(server.port(), c);
  ASSERT_FALSE(client.handshake()) << "the certificate made for localhost verifies";
  for (int i = 0; i < 3; ++i) {  // one TLS session carries several requests
    const auto res = client.get("/api/v1/who");
    EXPECT_EQ(res.result_int(), 200);
    EXPECT_EQ(res.body(), "127.0.0.1 tls");
    EXPECT_EQ(res[bhttp::field::strict_transport_security], "max-age=63072000; includeSubDomains");
    EXPECT_EQ(res["X-Content-Type-Options"], "nosniff");
  }
}

TEST(NativeTls, APlainHttpClientIsToldToUseHttps) {
  const Certificate c;
  TestServer server{who_routes, with_tls(c)};
  TestClient plain(server.port());
  const auto res = plain.request("GET", "/api/v1/who");
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.header("Content-Type"), "application/problem+json");
  EXPECT_NE(res.body.find("\"code\":\"https_required\""), std::string::npos) << res.body;
  EXPECT_NE(res.body.find("HTTPS"), std::string::npos);
  // And the server goes on serving TLS clients.
  TlsClient client(server.port(), c);
  ASSERT_FALSE(client.handshake());
  EXPECT_EQ(client.get("/api/v1/who").result_int(), 200);
}

TEST(NativeTls, ProtocolsOlderThanTls12AreRefused) {
  const Certificate c;
  TestServer server{who_routes, with_tls(c)};
  TlsClient old(server.port(), c, TLS1_1_VERSION);
  const auto refused = old.handshake();
  ASSERT_TRUE(refused) << "a TLS 1.1 client must not get a session";
  // The server's alert, not the client giving up on its own.
  EXPECT_NE(refused.message().find("protocol version"), std::string::npos) << refused.message();
  TlsClient current(server.port(), c, TLS1_2_VERSION);
  EXPECT_FALSE(current.handshake()) << "TLS 1.2 is still served";
}

TEST(NativeTls, TheConnectionLimitPerAddressStillHolds) {
  const Certificate c;
  TestServer server{who_routes, with_tls(c, 1)};
  TlsClient first(server.port(), c);
  ASSERT_FALSE(first.handshake());
  EXPECT_EQ(first.get("/api/v1/who").result_int(), 200);
  TlsClient second(server.port(), c);
  EXPECT_TRUE(second.handshake()) << "a second connection from the address is closed at once";
}

TEST(NativeTls, KeysOthersCanReadOrThatDoNotMatchAreRefusedBeforeServing) {
  const Certificate c;
  EXPECT_EQ(tls_files_problem(c.cert, c.key), "");
  ::chmod(c.key.c_str(), 0644);
  EXPECT_NE(tls_files_problem(c.cert, c.key).find("chmod 600"), std::string::npos);
  ::chmod(c.key.c_str(), 0600);

  const std::string other_cert = (c.dir / "other.pem").string();
  const std::string other_key = (c.dir / "other-key.pem").string();
  Certificate::make(other_cert, other_key, "other");
  ::chmod(other_key.c_str(), 0600);
  EXPECT_NE(tls_files_problem(c.cert, other_key).find("other-key.pem"), std::string::npos)
      << tls_files_problem(c.cert, other_key);
  EXPECT_NE(tls_files_problem((c.dir / "missing.pem").string(), c.key).find("certificate"),
            std::string::npos);
}

}  // namespace
}  // namespace motcua::http
