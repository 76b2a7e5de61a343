#include "app/engagement/ratings.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "app/dossier/dossier_access.hpp"
#include "domain/text/fold.hpp"
#include "store/audit_log.hpp"
#include "store/dossier_repository.hpp"
#include "store/rating_repository.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxCommentBytes = 2000;
constexpr int kMaxCount = 99;

std::string_view attitude_name(Attitude a) {
  switch (a) {
    case Attitude::courteous:
      return "courteous";
    case Attitude::discourteous:
      return "discourteous";
    case Attitude::harassing:
      return "harassing";
  }
  return "courteous";
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

std::optional<int> int_field(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_int64()) return std::nullopt;
  return static_cast<int>(std::clamp<std::int64_t>(v->as_int64(), -1, 1000));
}

}  // namespace

int contacts_points(int contacts) { return contacts <= 0 ? 2 : contacts == 1 ? 1 : 0; }
int bodies_points(int bodies) { return bodies <= 1 ? 2 : bodies == 2 ? 1 : 0; }
int attitude_points(Attitude a) {
  return a == Attitude::courteous ? 2 : a == Attitude::discourteous ? 1 : 0;
}

std::optional<Attitude> parse_attitude(std::string_view text) {
  for (const auto a : {Attitude::courteous, Attitude::discourteous, Attitude::harassing}) {
    if (attitude_name(a) == text) return a;
  }
  return std::nullopt;
}

bool may_be_rated(std::string_view status) {
  return status == "returned" || status == "refused_at_receipt" || status == "stopped";
}

AppResult<RatingInput> rating_from_json(const json::value& body) {
  if (!body.is_object()) return tl::unexpected(invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  RatingInput in;
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
                            ? parse_attitude(std::string_view(a->as_string()))
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

AppResult<json::object> rate_dossier(store::SqlConnection& db, const Actor& actor,
                                     const std::string& id, const RatingInput& in, Instant now,
                                     int offset) {
  const auto record = store::find_dossier(db, id);
  if (!record || roles_over(db, actor, *record).empty())
    return tl::unexpected(not_found("dossier " + id));
  if (!actor.applicant)
    return tl::unexpected(forbidden_action("only the applicant rates their dossier"));
  if (!may_be_rated(record->status)) {
    return tl::unexpected(conflict(
        "rating_not_open", "Chỉ đánh giá được sau khi hồ sơ đã có kết quả.",
        "A dossier can be rated only once its result is out.", "status " + record->status));
  }
  if (store::find_rating(db, id)) {
    return tl::unexpected(conflict("already_rated", "Hồ sơ này đã được đánh giá.",
                                   "This dossier has already been rated."));
  }
  const auto at = to_iso(now, offset);
  const store::RatingRecord r{id,
                              actor.user_id,
                              record->agency_id,
                              record->procedure_code,
                              in.overall,
                              in.contacts,
                              in.bodies,
                              std::string(attitude_name(in.attitude)),
                              contacts_points(in.contacts),
                              bodies_points(in.bodies),
                              attitude_points(in.attitude),
                              in.comment,
                              at};
  store::insert_rating(db, r);
  json::object details{{"overall", r.overall},
                       {"points_contacts", r.points_contacts},
                       {"points_bodies", r.points_bodies},
                       {"points_attitude", r.points_attitude}};
  store::append_audit(db,
                      {0, actor.user_id, at, "dossier.rated", id, "", json::serialize(details)});
  return json::object{
      {"dossier_id", id}, {"rated", true}, {"may_rate", false}, {"rating", rating_json(r)}};
}

AppResult<json::object> dossier_rating(store::SqlConnection& db, const Actor& actor,
                                       const std::string& id) {
  const auto record = store::find_dossier(db, id);
  if (!record || roles_over(db, actor, *record).empty())
    return tl::unexpected(not_found("dossier " + id));
  const auto rating = store::find_rating(db, id);
  return json::object{
      {"dossier_id", id},
      {"rated", rating.has_value()},
      {"may_rate", !rating && actor.applicant && may_be_rated(record->status)},
      {"rating", rating ? json::value(rating_json(*rating)) : json::value(nullptr)}};
}

}  // namespace motcua::app
