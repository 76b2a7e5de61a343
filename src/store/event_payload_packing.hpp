// An event's payload as dossier_events keeps it (migration 0067; issue 17, storage per dossier;
// docs/architecture.md "The event log's encoding"). A payload is a small JSON object (~50 bytes)
// whose keys and shapes repeat in every row: it is stored packed, raw deflate with the preset
// dictionary src/store/event_payload_dictionary_2.txt (store/deflate_packing.hpp), when that is
// smaller: ~13 bytes for the usual payloads. The chain is unchanged: an event's hash covers the
// clear payload, which every reader gets back byte for byte.
//
// The stored forms, told apart by the value alone:
//   - a TEXT value (SQLite): the clear payload, as every row before 0067 and a payload that does
//     not shrink;
//   - a BLOB (SQLite) or bytea (PostgreSQL) whose first byte is below 0x09: packed, that byte being
//     the dictionary's version. JSON text never starts with such a byte; a clear payload that does
//     (none is written) is stored packed whatever its size, so the rule holds for every value;
//   - any other bytes (PostgreSQL, where 0067 made the column bytea): the clear payload's UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/sql.hpp"

namespace motcua::store {

// The version byte of the dictionary new payloads are packed with. 1 is the application forms'
// dictionary (store/document_packing.hpp): version bytes are never shared between kinds.
inline constexpr unsigned char kEventPayloadDictionary = 2;

// The payload dictionary of `version`, empty for a version this build does not know.
std::string_view event_payload_dictionary(unsigned char version);

// The version byte then the raw deflate stream of `clear`; nullopt when that is not smaller.
std::optional<std::string> pack_event_payload(std::string_view clear);

// The clear payload of pack_event_payload's output; throws StoreError for an unknown dictionary or
// a stream that does not inflate.
std::string unpack_event_payload(std::string_view packed);

// The value to bind for dossier_events.payload: packed bytes when smaller; else the clear text on
// SQLite and its bytes on PostgreSQL (a text parameter into bytea would be parsed as bytea's
// escaped input, where a backslash of the JSON means something else).
SqlValue stored_event_payload(Dialect dialect, const std::string& clear);

// The clear payload of a stored value in any of its forms (null reads as "").
std::string event_payload_text(SqlValue&& stored);

}  // namespace motcua::store
