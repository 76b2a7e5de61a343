// The `details` document of the audit row written when an administrator saves the local terms of
// a procedure at an agency: JSON text built here so the use case never handles JSON itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "codec/channel_limits.hpp"

namespace motcua::codec {

// One agency's local terms as the audit log records them.
struct AuditLocalTerms {
  std::string agency_id;
  ChannelLimits limits;
  std::string rule;
  std::string fees_note;
  std::string receiving_address;
  std::string note;
  std::int64_t version = 0;
  std::string updated_by;
  std::string updated_at;
};

// {"version", "before": terms or null, "after": terms}; terms as {agency_id, limits, rule,
// fees_note, receiving_address, note, version, updated_by, updated_at}.
std::string local_terms_saved_details(std::int64_t version,
                                      const std::optional<AuditLocalTerms>& before,
                                      const AuditLocalTerms& after);

}  // namespace motcua::codec
