// Native TLS for small installs that run without a reverse proxy: the server's OpenSSL context,
// built from a certificate chain and a private key in PEM files. Internal to the server (brings in
// Asio's SSL layer); server.cpp and connection.cpp use it.
#pragma once

#include <boost/asio/ssl/context.hpp>
#include <string>

namespace motcua::http::detail {

// TLS 1.2 and 1.3 only, forward-secret AEAD suites for 1.2 (the "intermediate" profile that
// browsers of the last years and curl all speak), no compression or renegotiation. Throws
// std::runtime_error naming the file and the reason when a file cannot be read, the key does not
// match the certificate, or the key file can be read by users other than its owner and group.
boost::asio::ssl::context make_tls_context(const std::string& certificate_chain_file,
                                           const std::string& private_key_file);

}  // namespace motcua::http::detail
