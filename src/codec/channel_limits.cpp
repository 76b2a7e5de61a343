#include "codec/channel_limits.hpp"

#include <boost/json.hpp>

#include "codec/channel_limits_json.hpp"

namespace motcua::codec {

namespace json = boost::json;

namespace {

std::optional<std::string> string_member(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

std::optional<json::object> object_of(std::string_view text) {
  boost::system::error_code ec;
  auto value = json::parse(text, ec);
  if (ec || !value.is_object()) return std::nullopt;
  return std::move(value.as_object());
}

}  // namespace

const std::string* ChannelLimits::find(clock::Channel channel) const {
  for (const auto& [c, limit] : entries_) {
    if (c == channel) return &limit;
  }
  return nullptr;
}

void ChannelLimits::set(clock::Channel channel, std::string limit) {
  for (auto& [c, stored] : entries_) {
    if (c == channel) {
      stored = std::move(limit);
      return;
    }
  }
  entries_.emplace_back(channel, std::move(limit));
}

json::object channel_limits_json(const ChannelLimits& limits) {
  json::object out;
  for (const auto& [channel, limit] : limits) out[clock::to_string(channel)] = limit;
  return out;
}

json::object local_terms_json(const LocalTerms& t) {
  return {{"agency_id", t.agency_id},
          {"limits", channel_limits_json(t.limits)},
          {"rule", t.rule},
          {"fees_note", t.fees_note},
          {"receiving_address", t.receiving_address},
          {"note", t.note},
          {"version", t.version},
          {"updated_by", t.updated_by},
          {"updated_at", t.updated_at}};
}

ChannelLimits channel_limits_of(const json::object& limits) {
  ChannelLimits out;
  for (const auto& [name, value] : limits) {
    const auto channel = clock::parse_channel(name);
    if (channel && value.is_string()) out.set(*channel, std::string(value.as_string()));
  }
  return out;
}

std::optional<ChannelLimits> channel_limits_from_text(std::string_view text) {
  const auto o = object_of(text);
  if (!o) return std::nullopt;
  return channel_limits_of(*o);
}

std::string channel_limits_text(const ChannelLimits& limits) {
  return json::serialize(channel_limits_json(limits));
}

std::optional<ProcedureTermsPart> procedure_terms_part(std::string_view document_text) {
  const auto doc = object_of(document_text);
  if (!doc) return std::nullopt;
  ProcedureTermsPart part;
  if (const auto* limits = doc->if_contains("limits"); limits != nullptr && limits->is_object()) {
    part.limits = channel_limits_of(limits->as_object());
  }
  part.rule = string_member(*doc, "rule");
  part.receiving_address = string_member(*doc, "receiving_address");
  return part;
}

}  // namespace motcua::codec
