// The payload of a `draft_updated` fact in the event log: which details of a draft changed (the
// applicant's details are marked, not copied: they are personal data and the document has them).
#pragma once

#include <optional>
#include <string>

namespace motcua::codec {

struct DraftUpdate {
  std::optional<std::string> variant;
  bool applicant = false;
  std::optional<std::string> return_channel;

  bool empty() const { return !variant && !applicant && !return_channel; }
};

// {"variant"?: text, "applicant"?: true, "return_channel"?: text} as JSON text.
std::string draft_update_to_text(const DraftUpdate& update);

}  // namespace motcua::codec
