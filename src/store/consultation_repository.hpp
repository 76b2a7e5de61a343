// Rows of `consultations`: the questions officials send other agencies about a dossier (lấy ý
// kiến, Decree 61/2018 Art. 19) and their answers. Times are kept as text (local ISO, for display)
// and as seconds (for ordering and lateness).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct ConsultationRecord {
  std::string id;
  std::string dossier_id;
  std::string agency_id;    // the consulted agency
  std::string agency_code;  // as the asker named it
  std::string question;
  std::string shared_papers;  // JSON array of paper ids
  std::string asked_by;
  std::string asked_at;
  std::int64_t asked_s = 0;
  std::string due_at;
  std::int64_t due_s = 0;
  std::optional<std::string> answer;
  std::optional<std::string> replied_by;
  std::optional<std::string> replied_at;
  std::optional<std::int64_t> replied_s;
  bool late = false;
};

void insert_consultation(SqlConnection& db, const ConsultationRecord& c);
// Records the answer if the consultation is still open; false when someone answered first.
bool record_consultation_reply(SqlConnection& db, const ConsultationRecord& c);
std::optional<ConsultationRecord> find_consultation(SqlConnection& db, const std::string& id);
// The consultations of one dossier, oldest first.
std::vector<ConsultationRecord> consultations_of(SqlConnection& db, const std::string& dossier_id);
// The consultations addressed to any of `agency_ids`, earliest due first; open ones only when
// `open_only`.
std::vector<ConsultationRecord> consultations_to(SqlConnection& db,
                                                 const std::vector<std::string>& agency_ids,
                                                 bool open_only, int limit);

}  // namespace motcua::store
