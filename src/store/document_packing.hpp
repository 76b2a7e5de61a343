// A dossier's application form made smaller before it is sealed (issue 17, storage per dossier):
// raw deflate with a preset dictionary of what every form repeats (its keys, the usual terms and
// names, src/store/dossier_document_dictionary_1.txt). A 250-byte form packs to about 45 bytes. The
// packed bytes start with the dictionary's version, so a later dictionary can be added without
// making older values unreadable: a published dictionary never changes (a test holds its hash).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace motcua::store {

// The version byte of the dictionary new values are packed with (the packing itself:
// store/deflate_packing.hpp, shared with event payloads).
inline constexpr unsigned char kDocumentDictionary = 1;

// The dictionary of `version`, empty for a version this build does not know.
std::string_view document_dictionary(unsigned char version);

// The version byte then the raw deflate stream of `clear` under the current dictionary; nullopt
// when that is not smaller than `clear` (then the value is stored as it is).
std::optional<std::string> pack_document(std::string_view clear);

// The clear bytes of pack_document's output; throws DataKeyError (it is read as a sealed value)
// for an unknown dictionary or a stream that does not inflate.
std::string unpack_document(std::string_view packed);

}  // namespace motcua::store
