#include "app/engagement/ratings.hpp"

#include <algorithm>

#include "app/dossier/dossier_access.hpp"
#include "codec/flat_json.hpp"
#include "store/audit_log.hpp"
#include "store/dossier_repository.hpp"
#include "store/rating_repository.hpp"

namespace motcua::app {

namespace {

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

AppResult<DossierRatingView> rate_dossier(store::SqlConnection& db, const Actor& actor,
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
  const auto details = codec::flat_object_text({{"overall", r.overall},
                                                {"points_contacts", r.points_contacts},
                                                {"points_bodies", r.points_bodies},
                                                {"points_attitude", r.points_attitude}});
  store::append_audit(db, {0, actor.user_id, at, "dossier.rated", id, "", details});
  return DossierRatingView{id, true, false, r};
}

AppResult<DossierRatingView> dossier_rating(store::SqlConnection& db, const Actor& actor,
                                            const std::string& id) {
  const auto record = store::find_dossier(db, id);
  if (!record || roles_over(db, actor, *record).empty())
    return tl::unexpected(not_found("dossier " + id));
  const auto rating = store::find_rating(db, id);
  return DossierRatingView{id, rating.has_value(),
                           !rating && actor.applicant && may_be_rated(record->status), rating};
}

}  // namespace motcua::app
