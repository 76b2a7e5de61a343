// The rows of the tracking book (sổ theo dõi hồ sơ, form 07) of a one-stop unit: the unit with its
// agency's and parent agency's names, the dossiers it received in a range of local dates, and the
// last return of each dossier's result.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct BookUnitRow {
  std::string id;
  std::string name;
  std::string address;
  std::string agency_id;
  std::string agency_name;
  std::string parent_name;  // "" for a top-level agency
};
std::optional<BookUnitRow> book_unit(SqlConnection& db, const std::string& unit_id);

struct BookDossierRow {
  std::string id;
  std::optional<std::string> code;
  std::string procedure_code;
  std::string applicant_name;
  std::string document;  // JSON
  std::string agency_id;
  std::string agency_name;
  std::string channel;
  std::string received_at;
  std::optional<std::int64_t> due_s;
  std::optional<std::string> finished_at;
  std::string status;
  // The book's volume and line (migration 0019); null for a dossier received before it.
  std::optional<std::int64_t> volume;
  std::optional<std::int64_t> line;
  std::int64_t sets = 1;
};
// Received by the unit from `from` to `to` (YYYY-MM-DD, inclusive), in order of receipt; at most
// 5000.
std::vector<BookDossierRow> book_dossiers(SqlConnection& db, const std::string& unit_id,
                                          const std::string& from, const std::string& to);

struct ReturnEventRow {
  std::string at;
  std::string payload;  // JSON
};
// The dossier's latest result_returned event, if any.
std::optional<ReturnEventRow> last_return(SqlConnection& db, const std::string& dossier_id);

}  // namespace motcua::store
