#include "store/document_packing.hpp"

#include <zlib.h>

#include "store/data_keys.hpp"

// The dictionary file, embedded by cmake/embed_text.cmake.
namespace motcua {
std::string_view dossier_document_dictionary_1();
}  // namespace motcua

namespace motcua::store {

namespace {

// Raw deflate (no zlib header or checksum: the AEAD tag already guards the bytes).
constexpr int kRawWindow = -15;
// A form is a few kilobytes at most; a stream inflating beyond this is not one.
constexpr std::size_t kMaxClear = 16 * 1024 * 1024;

}  // namespace

std::string_view document_dictionary(unsigned char version) {
  if (version == 1) return dossier_document_dictionary_1();
  return {};
}

std::optional<std::string> pack_document(std::string_view clear) {
  const std::string_view dictionary = document_dictionary(kDocumentDictionary);
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, kRawWindow, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    return std::nullopt;
  }
  deflateSetDictionary(&z, reinterpret_cast<const Bytef*>(dictionary.data()),
                       static_cast<uInt>(dictionary.size()));
  std::string out(1 + deflateBound(&z, static_cast<uLong>(clear.size())), '\0');
  out[0] = static_cast<char>(kDocumentDictionary);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(clear.data()));
  z.avail_in = static_cast<uInt>(clear.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data() + 1);
  z.avail_out = static_cast<uInt>(out.size() - 1);
  const int status = deflate(&z, Z_FINISH);
  const std::size_t size = 1 + z.total_out;
  deflateEnd(&z);
  if (status != Z_STREAM_END || size >= clear.size()) return std::nullopt;
  out.resize(size);
  return out;
}

std::string unpack_document(std::string_view packed) {
  if (packed.empty()) throw DataKeyError("packed document: empty");
  const std::string_view dictionary = document_dictionary(static_cast<unsigned char>(packed[0]));
  if (dictionary.empty()) {
    throw DataKeyError("packed document: dictionary " +
                       std::to_string(static_cast<unsigned char>(packed[0])) +
                       " is unknown to this build");
  }
  packed.remove_prefix(1);
  z_stream z{};
  if (inflateInit2(&z, kRawWindow) != Z_OK) throw DataKeyError("packed document: inflate");
  // A raw stream takes its dictionary before the first byte.
  inflateSetDictionary(&z, reinterpret_cast<const Bytef*>(dictionary.data()),
                       static_cast<uInt>(dictionary.size()));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  std::string out;
  int status = Z_OK;
  while (status == Z_OK) {
    const std::size_t done = out.size();
    out.resize(done + 4096 + done);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + done);
    z.avail_out = static_cast<uInt>(out.size() - done);
    status = inflate(&z, Z_FINISH);
    if (status == Z_BUF_ERROR && z.avail_out == 0) status = Z_OK;  // only room was missing
    out.resize(z.total_out);
    if (out.size() > kMaxClear) status = Z_DATA_ERROR;
  }
  inflateEnd(&z);
  if (status != Z_STREAM_END || z.avail_in != 0) throw DataKeyError("packed document: corrupt");
  return out;
}

}  // namespace motcua::store
