// Test keys made at run time with the OpenSSL command line: a throwaway certification authority
// and an agency certificate it issued, in a PKCS#12 file with its password file beside it, laid
// out as `motcua serve --signing-dir` reads them (<agency-code>.p12, <agency-code>.password). No
// key is ever kept in the repository. pdfsig (poppler-utils) reads the signatures back.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace motcua::documents::signing::testing {

inline std::string run_command(const std::string& command) {
  std::string out;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  while (const std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  pclose(pipe);
  return out;
}

class TestSigningDir {
 public:
  // `agency_code` names the files; `common_name` is the agency certificate's CN (UTF-8).
  explicit TestSigningDir(const std::string& agency_code,
                          const std::string& common_name = "UBND xã Thử Nghiệm",
                          const std::string& password = "mat-khau-thu")
      : password_(password), code_(agency_code) {
    static int counter = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("motcua-signing-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::create_directories(dir_);
    const std::string d = "'" + dir_.string() + "'";
    const std::string script =
        "set -e; cd " + d +
        "; openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30"
        " -subj '/C=VN/O=MotCua Test CA/CN=MotCua Test Root CA' -utf8"
        " -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign"
        "; openssl req -newkey rsa:2048 -nodes -keyout agency.key -out agency.csr -utf8"
        " -subj '/C=VN/O=MotCua/CN=" +
        common_name +
        "'; printf 'keyUsage=critical,digitalSignature,nonRepudiation\\n' > ext.cnf"
        "; openssl x509 -req -in agency.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30"
        " -out agency.pem -extfile ext.cnf"
        "; openssl pkcs12 -export -inkey agency.key -in agency.pem -certfile ca.pem -out " +
        agency_code + ".p12 -passout pass:" + password + "; printf '%s\\n' '" + password + "' > " +
        agency_code + ".password; rm -f ca.key agency.key agency.csr ext.cnf";
    const std::string out = run_command("sh -c \"" + escape(script) + "\"");
    if (!std::filesystem::exists(p12()))
      throw std::runtime_error("cannot make the test certificates: " + out);
  }
  ~TestSigningDir() { std::filesystem::remove_all(dir_); }
  TestSigningDir(const TestSigningDir&) = delete;
  TestSigningDir& operator=(const TestSigningDir&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path p12() const { return dir_ / (code_ + ".p12"); }
  const std::string& password() const { return password_; }
  std::filesystem::path ca() const { return dir_ / "ca.pem"; }

 private:
  static std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
      if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
      out += c;
    }
    return out;
  }
  std::filesystem::path dir_;
  std::string password_;
  std::string code_;
};

// What pdfsig says about the signatures of `pdf` (bytes), e.g. "Signature Validation: Signature is
// Valid." and "Signer Certificate Common Name: ...". The test CA is not in any trust store, so the
// certificate line says the issuer is not trusted: tests assert on the signature line.
inline std::string pdfsig(const std::string& pdf) {
  static int counter = 0;
  const auto path =
      std::filesystem::temp_directory_path() /
      ("motcua-sig-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf;
  const std::string out = run_command("pdfsig '" + path.string() + "'");
  std::filesystem::remove(path);
  return out;
}

}  // namespace motcua::documents::signing::testing
