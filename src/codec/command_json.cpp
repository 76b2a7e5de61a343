#include "codec/command_json.hpp"

#include <boost/json.hpp>

#include "codec/iso_time.hpp"

namespace motcua::codec {

namespace json = boost::json;
using namespace motcua::dossier;

namespace {

// Reads fields from one object and remembers the first problem, so each command reads as a list
// of fields instead of a ladder of checks.
class FieldReader {
 public:
  FieldReader(const json::object& o, int offset) : o_(o), offset_(offset) {}

  std::string text(const char* key) {
    const auto* v = o_.if_contains(key);
    if (v == nullptr || v->is_null()) return {};
    if (!v->is_string()) return fail<std::string>(key, "must be a string");
    return std::string(v->as_string());
  }
  std::vector<std::string> texts(const char* key) {
    const auto* v = o_.if_contains(key);
    if (v == nullptr || v->is_null()) return {};
    if (!v->is_array()) return fail<std::vector<std::string>>(key, "must be an array of strings");
    std::vector<std::string> out;
    for (const auto& item : v->as_array()) {
      if (!item.is_string())
        return fail<std::vector<std::string>>(key, "must be an array of strings");
      out.emplace_back(item.as_string());
    }
    return out;
  }
  Vnd amount(const char* key) {
    const auto* v = o_.if_contains(key);
    if (v == nullptr || v->is_null()) return 0;
    if (v->is_int64()) return v->as_int64();
    if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
      return static_cast<Vnd>(v->as_uint64());
    }
    return fail<Vnd>(key, "must be a whole number of VND");
  }
  Instant instant(const char* key) {
    const auto t = text(key);
    if (t.empty()) return Instant{};
    auto parsed = parse_iso_instant(t, offset_);
    if (!parsed) return fail<Instant>(key, parsed.error());
    return *parsed;
  }
  Channel channel(const char* key, Channel fallback) {
    const auto t = text(key);
    if (t.empty()) return fallback;
    const auto c = parse_channel(t);
    if (!c) return fail<Channel>(key, "must be counter, post or online");
    return *c;
  }
  const std::string& error() const { return error_; }

 private:
  template <typename T>
  T fail(const char* key, const std::string& why) {
    if (error_.empty()) error_ = std::string("'") + key + "' " + why;
    return T{};
  }
  const json::object& o_;
  int offset_;
  std::string error_;
};

Command read_command(CommandKind kind, FieldReader& f) {
  switch (kind) {
    case CommandKind::submit:
      return Submit{f.channel("channel", Channel::online), f.text("dossier_code")};
    case CommandKind::accept:
      return Accept{f.text("dossier_code"), f.instant("due")};
    case CommandKind::request_supplement:
      return RequestSupplement{f.texts("missing_items"), f.text("reason")};
    case CommandKind::provide_supplement:
      return ProvideSupplement{f.texts("documents")};
    case CommandKind::refuse:
      return Refuse{f.texts("reasons")};
    case CommandKind::assign:
      return Assign{f.text("official_id"), f.text("step")};
    case CommandKind::forward:
      return Forward{f.text("official_id"), f.text("step")};
    case CommandKind::send_back:
      return SendBack{f.text("official_id"), f.text("step"), f.text("reason")};
    case CommandKind::consult:
      return Consult{f.text("agency_code"), f.text("question"), f.texts("shared_papers")};
    case CommandKind::reply_to_consultation:
      return ReplyToConsultation{f.text("agency_code"), f.text("summary")};
    case CommandKind::request_payment:
      return RequestPayment{f.amount("amount"), f.text("description")};
    case CommandKind::confirm_payment:
      return ConfirmPayment{f.amount("amount"), f.text("reference")};
    case CommandKind::issue_apology:
      return IssueApology{f.text("reason"), f.instant("new_due"), f.text("override_reason")};
    case CommandKind::approve:
      return Approve{f.text("note")};
    case CommandKind::reject_after_review:
      return RejectAfterReview{f.texts("reasons")};
    case CommandKind::return_result:
      return ReturnResult{f.channel("channel", Channel::counter), f.text("receiver_name")};
    case CommandKind::request_withdrawal:
      return RequestWithdrawal{f.text("reason")};
    case CommandKind::cancel_withdrawal:
      return CancelWithdrawal{};
    case CommandKind::stop:
      return Stop{f.text("reason")};
  }
  return CancelWithdrawal{};
}

json::array to_array(const std::vector<std::string>& items) {
  json::array a;
  for (const auto& s : items) a.emplace_back(s);
  return a;
}

}  // namespace

tl::expected<Command, std::string> command_from_json(CommandKind kind, const json::value& body,
                                                     int utc_offset_minutes) {
  static const json::object kEmpty;
  if (!body.is_object() && !body.is_null()) {
    return tl::unexpected(std::string("the body must be a JSON object"));
  }
  FieldReader reader(body.is_object() ? body.as_object() : kEmpty, utc_offset_minutes);
  Command command = read_command(kind, reader);
  if (!reader.error().empty()) return tl::unexpected(reader.error());
  return command;
}

json::object command_to_json(const Command& command, int offset) {
  return std::visit(
      [&](const auto& c) -> json::object {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, Submit>) {
          // Events recorded before codes were given at sending carry no code; keep their shape.
          if (c.dossier_code.empty()) return {{"channel", to_string(c.channel)}};
          return {{"channel", to_string(c.channel)}, {"dossier_code", c.dossier_code}};
        } else if constexpr (std::is_same_v<T, Accept>) {
          return {{"dossier_code", c.dossier_code}, {"due", to_iso(c.due, offset)}};
        } else if constexpr (std::is_same_v<T, RequestSupplement>) {
          return {{"missing_items", to_array(c.missing_items)}, {"reason", c.reason}};
        } else if constexpr (std::is_same_v<T, ProvideSupplement>) {
          return {{"documents", to_array(c.documents)}};
        } else if constexpr (std::is_same_v<T, Refuse> || std::is_same_v<T, RejectAfterReview>) {
          return {{"reasons", to_array(c.reasons)}};
        } else if constexpr (std::is_same_v<T, Assign> || std::is_same_v<T, Forward>) {
          return {{"official_id", c.official_id}, {"step", c.step}};
        } else if constexpr (std::is_same_v<T, SendBack>) {
          return {{"official_id", c.official_id}, {"step", c.step}, {"reason", c.reason}};
        } else if constexpr (std::is_same_v<T, Consult>) {
          // Consultations recorded before papers could be shared carry none; keep their shape.
          if (c.shared_papers.empty())
            return {{"agency_code", c.agency_code}, {"question", c.question}};
          return {{"agency_code", c.agency_code},
                  {"question", c.question},
                  {"shared_papers", to_array(c.shared_papers)}};
        } else if constexpr (std::is_same_v<T, ReplyToConsultation>) {
          return {{"agency_code", c.agency_code}, {"summary", c.summary}};
        } else if constexpr (std::is_same_v<T, RequestPayment>) {
          return {{"amount", c.amount}, {"description", c.description}};
        } else if constexpr (std::is_same_v<T, ConfirmPayment>) {
          return {{"amount", c.amount}, {"reference", c.reference}};
        } else if constexpr (std::is_same_v<T, IssueApology>) {
          json::object o{{"reason", c.reason}, {"new_due", to_iso(c.new_due, offset)}};
          if (!c.override_reason.empty()) o["override_reason"] = c.override_reason;
          return o;
        } else if constexpr (std::is_same_v<T, Approve>) {
          return {{"note", c.note}};
        } else if constexpr (std::is_same_v<T, ReturnResult>) {
          return {{"channel", to_string(c.channel)}, {"receiver_name", c.receiver_name}};
        } else if constexpr (std::is_same_v<T, RequestWithdrawal> || std::is_same_v<T, Stop>) {
          return {{"reason", c.reason}};
        } else {
          return {};
        }
      },
      command);
}

}  // namespace motcua::codec
