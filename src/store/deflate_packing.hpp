// Small values packed with raw deflate and a preset dictionary of what such values repeat (issue
// 17, storage per dossier): a 50-byte event payload or a 250-byte form shares most of its bytes
// with every other one, which a dictionary lets deflate refer to from the first byte. A packed
// value is one byte naming its dictionary, then the raw stream (no zlib header nor checksum). The
// version bytes are distinct across the kinds of values (1: application forms,
// store/document_packing.hpp; 2: event payloads, store/event_payload_packing.hpp), so a packed
// value names its dictionary wherever it is found. A published dictionary never changes (a test
// holds each one's hash): stored values depend on it byte for byte.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace motcua::store {

enum class PackWhen {
  smaller,  // only when the packed value is shorter than the clear one
  always,   // whatever the size (a clear value that could be read as packed)
};

// `version` then the raw deflate stream of `clear` with `dictionary` preset; nullopt when deflate
// fails, or when the result is not smaller and `when` is PackWhen::smaller.
std::optional<std::string> deflate_with_dictionary(std::string_view clear, unsigned char version,
                                                   std::string_view dictionary,
                                                   PackWhen when = PackWhen::smaller);

// The clear bytes of a raw deflate stream (packed value without its version byte) with
// `dictionary` preset; nullopt for a stream that does not inflate completely, or that inflates
// beyond 16 MiB (no packed value is that large).
std::optional<std::string> inflate_with_dictionary(std::string_view stream,
                                                   std::string_view dictionary);

}  // namespace motcua::store
