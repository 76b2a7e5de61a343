// How a dossiers row keeps its five times (migration 0068; docs/performance.md "Storage per
// dossier (issue 17)"): submitted, received, finished, created and updated each as epoch seconds
// (<name>_s) for ranges and order, plus the text as written (<name>_text) only when it is not the
// canonical "YYYY-MM-DDTHH:MM:SS+07:00" text of those seconds (store/event_encoding.hpp), as an
// import with another offset or "Z" would be. Reading gives back the written text byte for byte.
// The repository's records keep texts: only the store's SQL sees these columns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/sql.hpp"

namespace motcua::store {

// The epoch seconds of "YYYY-MM-DDTHH:MM:SS" followed by "Z" or an offset "+HH:MM"/"-HH:MM" of at
// most 14:59; nullopt for any other text (what migration 0068 reads on both engines).
std::optional<std::int64_t> iso_time_seconds(std::string_view text);

// The two stored values of a time: seconds (or NULL) and the text when not canonical (or NULL).
struct StoredTime {
  SqlValue seconds;
  SqlValue text;
};
StoredTime stored_time(const std::optional<std::string>& text);

// The time read back from the two columns: the kept text, else the canonical text of the seconds,
// else nullopt (the time was NULL).
std::optional<std::string> time_from(const SqlValue& seconds, const SqlValue& text);

// The seconds a range bound given as text compares with: an ISO time as iso_time_seconds reads
// it, or a date "YYYY-MM-DD" as its local (+07:00) midnight. nullopt when it is neither.
std::optional<std::int64_t> bound_seconds(std::string_view text);

}  // namespace motcua::store
