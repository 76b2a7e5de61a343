#include "store/rating_repository.hpp"

namespace motcua::store {

namespace {

constexpr const char* kInsert =
    "INSERT INTO dossier_ratings(dossier_id, applicant_id, agency_id, procedure_code, overall, "
    "contacts, bodies, attitude, points_contacts, points_bodies, points_attitude, comment, "
    "rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kFind =
    "SELECT dossier_id, applicant_id, agency_id, procedure_code, overall, contacts, bodies, "
    "attitude, points_contacts, points_bodies, points_attitude, comment, rated_at FROM "
    "dossier_ratings WHERE dossier_id = ?";

}  // namespace

void insert_rating(SqlConnection& db, const RatingRecord& r) {
  db.execute(kInsert, {r.dossier_id, r.applicant_id, r.agency_id, r.procedure_code, r.overall,
                       r.contacts, r.bodies, r.attitude, r.points_contacts, r.points_bodies,
                       r.points_attitude, r.comment, r.rated_at});
}

std::optional<RatingRecord> find_rating(SqlConnection& db, const std::string& dossier_id) {
  const auto row = db.query_one(kFind, {dossier_id});
  if (!row) return std::nullopt;
  return RatingRecord{row->text(0),    row->text(1),    row->text(2),     row->text(3),
                      row->integer(4), row->integer(5), row->integer(6),  row->text(7),
                      row->integer(8), row->integer(9), row->integer(10), row->text(11),
                      row->text(12)};
}

}  // namespace motcua::store
