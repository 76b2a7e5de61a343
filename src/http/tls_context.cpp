#include "http/tls_context.hpp"

#include <openssl/ssl.h>
#include <sys/stat.h>

#include <stdexcept>

namespace motcua::http::detail {
namespace {

namespace ssl = boost::asio::ssl;

// Suites for TLS 1.2 clients; TLS 1.3 has its own (all AEAD) and ignores this list.
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

// A private key that any local user can read is no longer private: refuse to serve with it rather
// than run with a false sense of safety (the same rule ssh applies to its keys).
void check_key_permissions(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw std::runtime_error("cannot read the TLS private key file " + path);
  }
  if ((st.st_mode & S_IRWXO) != 0) {
    throw std::runtime_error("the TLS private key file " + path +
                             " can be read by other users; run: chmod 600 " + path);
  }
}

}  // namespace

ssl::context make_tls_context(const std::string& certificate_chain_file,
                              const std::string& private_key_file) {
  check_key_permissions(private_key_file);
  ssl::context ctx(ssl::context::tls_server);
  ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                  ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                  ssl::context::single_dh_use | ssl::context::no_compression);
  SSL_CTX* native = ctx.native_handle();
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION);
  if (SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) {
    throw std::runtime_error("OpenSSL refused the TLS 1.2 cipher list");
  }
  boost::system::error_code ec;
  ctx.use_certificate_chain_file(certificate_chain_file, ec);
  if (ec) {
    throw std::runtime_error("cannot use the TLS certificate file " + certificate_chain_file +
                             ": " + ec.message());
  }
  ctx.use_private_key_file(private_key_file, ssl::context::pem, ec);
  if (ec) {
    throw std::runtime_error("cannot use the TLS private key file " + private_key_file + ": " +
                             ec.message());
  }
  if (SSL_CTX_check_private_key(native) != 1) {
    throw std::runtime_error("the TLS private key " + private_key_file +
                             " does not match the certificate " + certificate_chain_file);
  }
  return ctx;
}

}  // namespace motcua::http::detail
