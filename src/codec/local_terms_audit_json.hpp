// The `details` document of the audit row written when an administrator saves the local terms of
// a procedure at an agency: JSON text built here so the use case never handles JSON itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "codec/channel_limits.hpp"

namespace motcua::codec {

// {"version", "before": terms or null, "after": terms}; terms as {agency_id, limits, rule,
// fees_note, receiving_address, note, version, updated_by, updated_at}.
std::string local_terms_saved_details(std::int64_t version, const std::optional<LocalTerms>& before,
                                      const LocalTerms& after);

}  // namespace motcua::codec
