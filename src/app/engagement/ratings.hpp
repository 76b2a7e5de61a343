// The applicant's satisfaction rating of a dossier (đánh giá mức độ hài lòng), once its result is
// out. The questions follow the indices of Decree 61/2018 Art. 27-32 and Circular 01/2018
// Art. 12-15 that only the applicant can answer: how many extra contacts completing the dossier
// took (index 3), how many bodies the applicant had to deal with (index 4) and the officials'
// attitude (index 7), each turned into 0/1/2 points; plus an overall score 1..5 whose low end
// (1-2) is the "not satisfied" of Decision 766's satisfaction group. Indices 1 and 2 (time) come
// from the legal clock, not from the applicant, and are not asked. docs/rules.md section 9.
#pragma once

#include <optional>
#include <string>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/engagement/engagement_views.hpp"
#include "domain/calendar/date.hpp"
#include "store/sql.hpp"

namespace motcua::app {

enum class Attitude { courteous, discourteous, harassing };

struct RatingInput {
  int overall = 0;   // 1..5
  int contacts = 0;  // extra contacts (visits, calls) needed to complete the dossier, >= 0
  int bodies = 1;    // agencies dealt with, >= 1
  Attitude attitude = Attitude::courteous;
  std::string comment;
};

// Pure: the points of each index (0, 1 or 2).
int contacts_points(int contacts);  // 0 -> 2, 1 -> 1, more -> 0
int bodies_points(int bodies);      // 1 -> 2, 2 -> 1, more -> 0
int attitude_points(Attitude a);    // courteous 2, discourteous 1, harassing 0
std::optional<Attitude> parse_attitude(std::string_view text);

// Whether a dossier in this status has an outcome the applicant can rate: the result was returned,
// it was refused at receipt, or it was stopped.
bool may_be_rated(std::string_view status);

// Records the rating. 404 unless the actor is the applicant who owns the dossier (officials get
// 403 when they can see it), 409 rating_not_open before the outcome, 409 already_rated after a
// first rating.
AppResult<DossierRatingView> rate_dossier(store::SqlConnection& db, const Actor& actor,
                                          const std::string& dossier_id, const RatingInput& input,
                                          Instant now, int utc_offset_minutes);

// The rating state for anyone who may see the dossier.
AppResult<DossierRatingView> dossier_rating(store::SqlConnection& db, const Actor& actor,
                                            const std::string& dossier_id);

}  // namespace motcua::app
