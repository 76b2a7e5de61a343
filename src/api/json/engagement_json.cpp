#include "api/json/engagement_json.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "api/json/feedback_review_json.hpp"
#include "codec/json_fields.hpp"
#include "domain/text/fold.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

json::value optional_text(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object rating_json(const store::RatingRecord& r) {
  return {{"overall", r.overall},
          {"contacts", r.contacts},
          {"bodies", r.bodies},
          {"attitude", r.attitude},
          {"points",
           {{"contacts", r.points_contacts},
            {"bodies", r.points_bodies},
            {"attitude", r.points_attitude}}},
          {"comment", r.comment},
          {"rated_at", r.rated_at}};
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& out, const FeedbackView& f) {
  json::object o{{"code", f.code},
                 {"status", f.status},
                 {"procedure_code", f.procedure_code},
                 {"procedure_name", f.procedure_name},
                 {"agency_id", f.agency_id},
                 {"agency_name", f.agency_name},
                 {"content", f.content},
                 {"received_at", f.received_at},
                 {"answer_due", f.answer_due},
                 {"answer", optional_text(f.answer)},
                 {"legal_reference", optional_text(f.legal_reference)},
                 {"answered_at", optional_text(f.answered_at)}};
  if (f.id) o["id"] = *f.id;
  if (f.name) o["name"] = *f.name;
  if (f.contact) o["contact"] = *f.contact;
  // The lifecycle (docs/rules.md section 10): '' for a step not taken.
  o["channel"] = f.channel;
  o["kind"] = f.kind;
  o["reject_reason"] = f.reject_reason;
  o["rejected_at"] = f.rejected_at;
  o["info_request"] = f.info_request;
  o["info_requested_at"] = f.info_requested_at;
  o["info_supplied_at"] = f.info_supplied_at;
  o["forwarded_at"] = f.forwarded_at;
  o["forward_target"] = f.forward_target;
  o["forwarded_from"] = f.forwarded_from;
  o["published_at"] = f.published_at;
  o["rating"] = f.rating;
  o["rating_comment"] = f.rating_comment;
  o["rated_at"] = f.rated_at;
  o["late"] = f.late;
  json::array deadlines;
  for (const auto& d : f.deadlines) {
    deadlines.push_back(json::object{{"step", d.step},
                                     {"due", d.due},
                                     {"done_at", d.done_at},
                                     {"open", d.open},
                                     {"late", d.late},
                                     {"due_soon", d.due_soon}});
  }
  o["deadlines"] = std::move(deadlines);
  if (f.held_answer) o["held_answer"] = api::held_answer_json(*f.held_answer);
  out = std::move(o);
}

void tag_invoke(json::value_from_tag, json::value& out, const DossierRatingView& v) {
  out = json::object{
      {"dossier_id", v.dossier_id},
      {"rated", v.rated},
      {"may_rate", v.may_rate},
      {"rating", v.rating ? json::value(rating_json(*v.rating)) : json::value(nullptr)}};
}

}  // namespace motcua::app

namespace motcua::api {

namespace json = boost::json;
using app::invalid_input;

namespace {

constexpr std::size_t kMaxShortBytes = 200;
constexpr std::size_t kMaxContentBytes = 5000;
constexpr std::size_t kMinContentBytes = 20;
constexpr std::size_t kMaxCommentBytes = 2000;
constexpr int kMaxCount = 99;

// Cleaned display text of a string field ("" when absent or not a string).
std::string text_of(const json::object& o, const char* key, bool multi_line = false) {
  return text::clean_text(codec::optional_string(o, key), {.keep_line_breaks = multi_line});
}

bool plausible_contact(const std::string& contact) {
  if (contact.find('@') != std::string::npos && contact.find('.') != std::string::npos) return true;
  const auto digits =
      std::count_if(contact.begin(), contact.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits >= 9 && digits <= 15;
}

std::optional<int> int_field(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_int64()) return std::nullopt;
  return static_cast<int>(std::clamp<std::int64_t>(v->as_int64(), -1, 1000));
}

}  // namespace

app::AppResult<app::NewFeedback> feedback_from_json(const json::value& body,
                                                    ContactRule contact_rule) {
  if (!body.is_object()) return tl::unexpected(invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  app::NewFeedback f;
  f.name = text_of(o, "name");
  f.contact = text_of(o, "contact");
  f.procedure_code = text_of(o, "procedure_code");
  f.agency_id = text_of(o, "agency_id");
  f.content = text_of(o, "content", true);
  if (f.name.empty() || f.name.size() > kMaxShortBytes)
    return tl::unexpected(invalid_input("'name' is required (at most 200 bytes)"));
  // A letter may come with nothing but the sender's postal address: the answer goes back by post.
  const bool postal = contact_rule == ContactRule::or_postal_address && f.contact.size() >= 10 &&
                      f.contact.find(' ') != std::string::npos;
  if (f.contact.size() > kMaxShortBytes || !(plausible_contact(f.contact) || postal)) {
    return tl::unexpected(invalid_input(
        contact_rule == ContactRule::or_postal_address
            ? "'contact' must be a phone number, an e-mail address or the postal address"
            : "'contact' must be a phone number or an e-mail address"));
  }
  if (f.procedure_code.empty() || f.procedure_code.size() > kMaxShortBytes)
    return tl::unexpected(invalid_input("'procedure_code' is required"));
  if (f.content.size() < kMinContentBytes || f.content.size() > kMaxContentBytes)
    return tl::unexpected(invalid_input("'content' must have 20 to 5000 bytes"));
  return f;
}

app::AppResult<app::FeedbackAnswer> answer_from_json(const json::value& body) {
  if (!body.is_object()) return tl::unexpected(invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  app::FeedbackAnswer a{text_of(o, "answer", true), text_of(o, "legal_reference")};
  if (a.answer.size() > kMaxContentBytes || a.legal_reference.size() > kMaxShortBytes)
    return tl::unexpected(invalid_input("'answer' is at most 5000 bytes"));
  return a;
}

app::AppResult<app::RatingInput> rating_from_json(const json::value& body) {
  if (!body.is_object()) return tl::unexpected(invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  app::RatingInput in;
  const auto overall = int_field(o, "overall");
  if (!overall || *overall < 1 || *overall > 5)
    return tl::unexpected(invalid_input("'overall' must be a whole number from 1 to 5"));
  in.overall = *overall;
  const auto contacts = int_field(o, "contacts");
  if (!contacts || *contacts < 0 || *contacts > kMaxCount)
    return tl::unexpected(invalid_input("'contacts' must be a whole number from 0 to 99"));
  in.contacts = *contacts;
  const auto bodies = int_field(o, "bodies");
  if (!bodies || *bodies < 1 || *bodies > kMaxCount)
    return tl::unexpected(invalid_input("'bodies' must be a whole number from 1 to 99"));
  in.bodies = *bodies;
  const auto* a = o.if_contains("attitude");
  const auto attitude = a != nullptr && a->is_string()
                            ? app::parse_attitude(std::string_view(a->as_string()))
                            : std::nullopt;
  if (!attitude)
    return tl::unexpected(invalid_input("'attitude' must be courteous, discourteous or harassing"));
  in.attitude = *attitude;
  if (const auto* c = o.if_contains("comment"); c != nullptr && c->is_string())
    in.comment = text::clean_text(std::string_view(c->as_string()), {.keep_line_breaks = true});
  if (in.comment.size() > kMaxCommentBytes)
    return tl::unexpected(invalid_input("'comment' is at most 2000 bytes"));
  return in;
}

}  // namespace motcua::api
