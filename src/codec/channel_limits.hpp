// Time limits per submission channel ({"counter": "5 working-days", ...}) as the catalog document
// and the local-terms tables store them. The text of each limit is kept as stored (it is parsed
// where a deadline is computed) and so is the order of the channels, so what was saved is what is
// shown and audited. Kept free of boost::json so that src/app can use it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/clock/legal_clock.hpp"

namespace motcua::codec {

// channel -> "N working-days", in the order the channels were first set.
class ChannelLimits {
 public:
  using Entry = std::pair<clock::Channel, std::string>;

  // nullptr when the channel has no limit of its own.
  const std::string* find(clock::Channel channel) const;
  // Replaces the channel's limit where it stands, or appends it.
  void set(clock::Channel channel, std::string limit);
  bool empty() const { return entries_.empty(); }
  std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  std::vector<Entry>::const_iterator end() const { return entries_.end(); }

 private:
  std::vector<Entry> entries_;
};

// nullopt when `text` is not a JSON object. Members that are not a known channel with a string
// value are skipped: nothing downstream could use them.
std::optional<ChannelLimits> channel_limits_from_text(std::string_view text);
std::string channel_limits_text(const ChannelLimits& limits);

// The terms part of a stored procedure document (codec/procedure_json.hpp): its "limits", "rule"
// and "receiving_address", each only when the document has it; nullopt when the document is not a
// JSON object.
struct ProcedureTermsPart {
  std::optional<ChannelLimits> limits;
  std::optional<std::string> rule;
  std::optional<std::string> receiving_address;
};
std::optional<ProcedureTermsPart> procedure_terms_part(std::string_view document_text);

// One agency's local terms of a procedure (a `procedure_agency_terms` row, typed), as use cases,
// answers and the audit log see them.
struct LocalTerms {
  std::string agency_id;
  ChannelLimits limits;
  std::string rule;  // empty: inherited
  std::string fees_note;
  std::string receiving_address;
  std::string note;
  std::int64_t version = 0;
  std::string updated_by;
  std::string updated_at;
};

}  // namespace motcua::codec
