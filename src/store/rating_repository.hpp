// Rows of `dossier_ratings`: the applicant's satisfaction rating of a dossier (đánh giá mức độ hài
// lòng). One per dossier: the primary key refuses a second one even when two requests race.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

struct RatingRecord {
  std::string dossier_id;
  std::string applicant_id;
  std::string agency_id;
  std::string procedure_code;
  std::int64_t overall = 0;   // 1..5
  std::int64_t contacts = 0;  // Decree 61 index 3
  std::int64_t bodies = 1;    // index 4
  std::string attitude;       // index 7
  std::int64_t points_contacts = 0;
  std::int64_t points_bodies = 0;
  std::int64_t points_attitude = 0;
  std::string comment;
  std::string rated_at;
};

// Throws ConstraintError when the dossier already has a rating.
void insert_rating(SqlConnection& db, const RatingRecord& r);
std::optional<RatingRecord> find_rating(SqlConnection& db, const std::string& dossier_id);

}  // namespace motcua::store
