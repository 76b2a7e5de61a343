// How a dossier_events row keeps an event's texts (migration 0062; docs/architecture.md "The
// event log's encoding"): type, role, from_status and to_status as ids into event_terms; the time
// as epoch seconds (at_s) when it is canonical, "YYYY-MM-DDTHH:MM:SS+07:00" as the server writes
// it, else as its text (at) with at_s NULL. Decoding gives back the appended texts byte for byte,
// which the chain's hashes cover. store/event_log.cpp does the encoding; only the store's SQL
// sees these columns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/sql.hpp"

namespace motcua::store {

// The epoch seconds of a canonical time; nullopt for any other text (another offset, a 30
// February, year 0, trailing characters...).
std::optional<std::int64_t> canonical_event_seconds(std::string_view at);
// The canonical text of epoch seconds: canonical_event_time(*canonical_event_seconds(t)) == t.
std::string canonical_event_time(std::int64_t seconds);
// The time of a stored row from its at_s and at columns, for the store's readers of
// dossier_events outside store/event_log.cpp (store/tracking_book_queries.cpp).
std::string event_time_text(const SqlValue& at_s, const SqlValue& at);

}  // namespace motcua::store
