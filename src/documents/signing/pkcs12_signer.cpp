#include "documents/signing/pkcs12_signer.hpp"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <ctime>
#include <fstream>
#include <iterator>

namespace motcua::documents::signing {

namespace {

// OpenSSL's own reason for the last failure, for the operator reading the log.
std::string openssl_reason() {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "unknown OpenSSL error";
  char buffer[256];
  ERR_error_string_n(code, buffer, sizeof buffer);
  return buffer;
}

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using Pkcs12Ptr = std::unique_ptr<PKCS12, Deleter<PKCS12, PKCS12_free>>;
using TimePtr = std::unique_ptr<ASN1_TIME, Deleter<ASN1_TIME, ASN1_TIME_free>>;

void free_chain(STACK_OF(X509) * chain) { sk_X509_pop_free(chain, X509_free); }

}  // namespace

struct Pkcs12Signer::Keys {
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509) * chain = nullptr;
  ~Keys() {
    EVP_PKEY_free(key);
    X509_free(cert);
    if (chain) free_chain(chain);
  }
};

Pkcs12Signer::Pkcs12Signer(std::unique_ptr<Keys> keys) : keys_(std::move(keys)) {}
Pkcs12Signer::~Pkcs12Signer() = default;

std::unique_ptr<Pkcs12Signer> Pkcs12Signer::load(const std::filesystem::path& file,
                                                 const std::string& password) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw SigningError("cannot read the PKCS#12 file " + file.string());
  const std::string der((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  BioPtr bio(BIO_new_mem_buf(der.data(), static_cast<int>(der.size())));
  Pkcs12Ptr p12(d2i_PKCS12_bio(bio.get(), nullptr));
  if (!p12) throw SigningError(file.string() + " is not a PKCS#12 file: " + openssl_reason());
  auto keys = std::make_unique<Keys>();
  if (PKCS12_parse(p12.get(), password.c_str(), &keys->key, &keys->cert, &keys->chain) != 1)
    throw SigningError("cannot open " + file.string() +
                       " (wrong password or damaged file): " + openssl_reason());
  if (!keys->key || !keys->cert)
    throw SigningError(file.string() + " holds no private key with its certificate");
  if (X509_check_private_key(keys->cert, keys->key) != 1)
    throw SigningError(file.string() + ": the certificate does not belong to the private key");
  return std::unique_ptr<Pkcs12Signer>(new Pkcs12Signer(std::move(keys)));
}

std::string Pkcs12Signer::sign_detached(std::string_view data,
                                        std::chrono::system_clock::time_point at) const {
  // CMS_PARTIAL: the signer is added by hand so that the attributes can be set before the
  // signature is computed in CMS_final. CMS_CADES adds ESS signing-certificate-v2 (the SHA-256 of
  // the signer certificate), which binds the certificate to the signature as CAdES asks; no
  // S/MIME capabilities, which mean nothing in a PDF.
  const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
  CmsPtr cms(CMS_sign(nullptr, nullptr, keys_->chain, nullptr, flags));
  if (!cms) throw SigningError("CMS_sign: " + openssl_reason());
  CMS_SignerInfo* info =
      CMS_add1_signer(cms.get(), keys_->cert, keys_->key, EVP_sha256(), flags | CMS_CADES);
  if (!info) throw SigningError("CMS_add1_signer: " + openssl_reason());
  // The same instant as the signature dictionary's /M, not whenever OpenSSL runs.
  TimePtr when(ASN1_TIME_set(nullptr, std::chrono::system_clock::to_time_t(at)));
  if (!when ||
      CMS_signed_add1_attr_by_NID(info, NID_pkcs9_signingTime, when->type, when.get(), -1) != 1)
    throw SigningError("signing-time: " + openssl_reason());
  BioPtr content(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  if (CMS_final(cms.get(), content.get(), nullptr, flags) != 1)
    throw SigningError("CMS_final: " + openssl_reason());
  unsigned char* der = nullptr;
  const int length = i2d_CMS_ContentInfo(cms.get(), &der);
  if (length <= 0) throw SigningError("i2d_CMS_ContentInfo: " + openssl_reason());
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return out;
}

std::string Pkcs12Signer::subject() const {
  BioPtr out(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(out.get(), X509_get_subject_name(keys_->cert), 0,
                     XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* text = nullptr;
  const long n = BIO_get_mem_data(out.get(), &text);
  return std::string(text, static_cast<std::size_t>(n));
}

std::string Pkcs12Signer::common_name() const {
  X509_NAME* name = X509_get_subject_name(keys_->cert);
  const int index = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
  if (index < 0) return subject();
  const ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
  unsigned char* utf8 = nullptr;
  const int n = ASN1_STRING_to_UTF8(&utf8, value);
  if (n < 0) return subject();
  std::string out(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(n));
  OPENSSL_free(utf8);
  return out;
}

}  // namespace motcua::documents::signing
