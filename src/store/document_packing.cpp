#include "store/document_packing.hpp"

#include "store/data_keys.hpp"
#include "store/deflate_packing.hpp"

// The dictionary file, embedded by cmake/embed_text.cmake.
namespace motcua {
std::string_view dossier_document_dictionary_1();
}  // namespace motcua

namespace motcua::store {

std::string_view document_dictionary(unsigned char version) {
  if (version == 1) return dossier_document_dictionary_1();
  return {};
}

std::optional<std::string> pack_document(std::string_view clear) {
  return deflate_with_dictionary(clear, kDocumentDictionary,
                                 document_dictionary(kDocumentDictionary));
}

std::string unpack_document(std::string_view packed) {
  if (packed.empty()) throw DataKeyError("packed document: empty");
  const std::string_view dictionary = document_dictionary(static_cast<unsigned char>(packed[0]));
  if (dictionary.empty()) {
    throw DataKeyError("packed document: dictionary " +
                       std::to_string(static_cast<unsigned char>(packed[0])) +
                       " is unknown to this build");
  }
  auto clear = inflate_with_dictionary(packed.substr(1), dictionary);
  if (!clear) throw DataKeyError("packed document: corrupt");
  return std::move(*clear);
}

}  // namespace motcua::store
