// What the feedback lifecycle's use cases share (feedback_lifecycle.hpp): finding an item the actor
// handles, the refusals naming their field, and saving a step with its audit record.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/engagement/feedback_lifecycle.hpp"
#include "codec/flat_json.hpp"

namespace motcua::app::feedback_steps {

// 422 naming `field`, in Vietnamese and English.
AppError field_error(const std::string& field, const std::string& code, const std::string& vi,
                     const std::string& en);
// 409: the item is not in a status where this step can be taken.
AppError wrong_status(const store::FeedbackRecord& f, const std::string& step_vi,
                      const std::string& step_en);
// The item, when it is addressed to an agency the actor handles feedback for; 404 otherwise (no
// existence oracle for another agency's officials).
AppResult<store::FeedbackRecord> handled_item(store::SqlConnection& db, const Actor& actor,
                                              const std::string& id);
// Writes `f` if its status is still `expected_status`, appends the audit record (`who`, `action`,
// `details`), and answers the view as the actor's queue shows it (with_private) or as the holder
// of the code sees it.
AppResult<FeedbackView> save_step(store::SqlConnection& db, const FeedbackClock& clock,
                                  const store::FeedbackRecord& f,
                                  const std::string& expected_status, const std::string& who,
                                  const std::string& action, codec::FlatFields details,
                                  bool with_private);
// The text trimmed of surrounding white space.
std::string trimmed(const std::string& text);

}  // namespace motcua::app::feedback_steps
