#include "app/engagement/feedback_steps.hpp"

#include <algorithm>

#include "app/warnings/due_warnings.hpp"
#include "codec/flat_json.hpp"
#include "store/audit_log.hpp"

namespace motcua::app::feedback_steps {

AppError field_error(const std::string& field, const std::string& code, const std::string& vi,
                     const std::string& en) {
  return AppError{ErrorKind::invalid_input, code, field + ": " + vi, field + ": " + en, field};
}

AppError wrong_status(const store::FeedbackRecord& f, const std::string& step_vi,
                      const std::string& step_en) {
  return conflict("feedback_wrong_status",
                  "Không thể " + step_vi + " phản ánh đang ở trạng thái " + f.status + ".",
                  "Cannot " + step_en + " feedback whose status is " + f.status + ".");
}

AppResult<store::FeedbackRecord> handled_item(store::SqlConnection& db, const Actor& actor,
                                              const std::string& id) {
  auto f = store::find_feedback(db, id);
  const auto agencies = answering_agencies(db, actor);
  if (!f || std::find(agencies.begin(), agencies.end(), f->agency_id) == agencies.end())
    return tl::unexpected(not_found("feedback " + id));
  return *f;
}

AppResult<FeedbackView> save_step(store::SqlConnection& db, const FeedbackClock& clock,
                                  const store::FeedbackRecord& f,
                                  const std::string& expected_status, const std::string& who,
                                  const std::string& action, codec::FlatFields details,
                                  bool with_private) {
  if (!store::update_feedback_lifecycle(db, f, expected_status)) {
    return tl::unexpected(conflict("feedback_changed", "Phản ánh vừa được người khác xử lý.",
                                   "Someone else has just handled this feedback."));
  }
  details.insert(details.begin(), {"code", f.code});
  details.emplace_back("status", f.status);
  store::append_audit(db, {0, who, to_iso(clock.now, clock.cal.utc_offset_minutes()), action, f.id,
                           "", codec::flat_object_text(details)});
  auto v = public_view(db, f);
  if (with_private) {
    v.id = f.id;
    v.name = f.name;
    v.contact = f.contact;
  }
  add_deadlines(v, f, clock, warning_hours(db));
  return v;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

}  // namespace motcua::app::feedback_steps
