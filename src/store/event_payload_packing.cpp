#include "store/event_payload_packing.hpp"

#include "store/deflate_packing.hpp"

// The dictionary file, embedded by cmake/embed_text.cmake.
namespace motcua {
std::string_view event_payload_dictionary_2();
}  // namespace motcua

namespace motcua::store {

namespace {

// Below this first byte a stored value is packed (its dictionary's version); JSON text starts
// with '{', '[', a quote, a digit, a letter or whitespace (0x09, 0x0A, 0x0D, 0x20)... never with
// 0x00-0x08. The bound leaves room for versions 1-8 and keeps tab and newline clear.
constexpr unsigned char kFirstClearByte = 0x09;

bool reads_as_packed(std::string_view value) {
  return !value.empty() && static_cast<unsigned char>(value[0]) < kFirstClearByte;
}

}  // namespace

std::string_view event_payload_dictionary(unsigned char version) {
  if (version == 2) return event_payload_dictionary_2();
  return {};
}

std::optional<std::string> pack_event_payload(std::string_view clear) {
  return deflate_with_dictionary(clear, kEventPayloadDictionary,
                                 event_payload_dictionary(kEventPayloadDictionary));
}

std::string unpack_event_payload(std::string_view packed) {
  if (packed.empty()) throw StoreError("packed event payload: empty");
  const auto version = static_cast<unsigned char>(packed[0]);
  const std::string_view dictionary = event_payload_dictionary(version);
  if (dictionary.empty()) {
    throw StoreError("packed event payload: dictionary " + std::to_string(version) +
                     " is unknown to this build");
  }
  auto clear = inflate_with_dictionary(packed.substr(1), dictionary);
  if (!clear) throw StoreError("packed event payload: corrupt");
  return std::move(*clear);
}

SqlValue stored_event_payload(Dialect dialect, const std::string& clear) {
  if (auto packed = pack_event_payload(clear)) return Bytes{std::move(*packed)};
  if (reads_as_packed(clear)) {
    // Stored as it is, it would be read as packed: packed even though larger.
    if (auto packed = deflate_with_dictionary(clear, kEventPayloadDictionary,
                                              event_payload_dictionary(kEventPayloadDictionary),
                                              PackWhen::always)) {
      return Bytes{std::move(*packed)};
    }
    throw StoreError("event payload: cannot be packed");
  }
  if (dialect == Dialect::postgres) return Bytes{clear};
  return clear;
}

std::string event_payload_text(SqlValue&& stored) {
  if (auto* text = std::get_if<std::string>(&stored)) return std::move(*text);
  if (auto* bytes = std::get_if<Bytes>(&stored)) {
    if (reads_as_packed(bytes->data)) return unpack_event_payload(bytes->data);
    return std::move(bytes->data);
  }
  return {};
}

}  // namespace motcua::store
