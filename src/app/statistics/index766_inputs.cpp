// Inputs of the Decision 766 index that MotCua cannot know (when a procedure was announced, when
// its legal basis takes effect, when it was entered in the national database, whether its result
// is electronic): recorded by administrators with the source they come from, every change audited
// with who, when and why. A missing input is listed by the index, never guessed.
#include <array>

#include "app/admin/admin_users.hpp"
#include "app/statistics/statistics.hpp"
#include "codec/flat_json.hpp"
#include "codec/iso_time.hpp"
#include "store/audit_log.hpp"
#include "store/catalog_repository.hpp"
#include "store/index_766_queries.hpp"

namespace motcua::app {

namespace {

constexpr std::array<const char*, 4> kInputKeys{"decision_published_on", "legal_basis_effective_on",
                                                "entered_database_on", "electronic_result"};
constexpr std::size_t kMaxSourceBytes = 1000;

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

AppError field_error(const char* code, const char* vi, const char* en, const std::string& field) {
  return {ErrorKind::invalid_input, code, vi, en, field};
}

Index766Input view(const store::Index766InputRow& r) {
  return {r.procedure_code, r.input_key, r.value, r.source, r.recorded_by, r.recorded_at};
}

AppResult<void> check(store::SqlConnection& db, const Index766InputChange& c) {
  if (std::find_if(kInputKeys.begin(), kInputKeys.end(),
                   [&](const char* k) { return c.input_key == k; }) == kInputKeys.end()) {
    return tl::unexpected(
        field_error("unknown_input_key",
                    "input_key phải là decision_published_on, legal_basis_effective_on, "
                    "entered_database_on hoặc electronic_result.",
                    "input_key must be decision_published_on, legal_basis_effective_on, "
                    "entered_database_on or electronic_result.",
                    "input_key"));
  }
  if (!store::procedure_exists(db, c.procedure_code)) {
    return tl::unexpected(
        field_error("unknown_procedure", "procedure_code: không có thủ tục này trong danh mục.",
                    "procedure_code: no such procedure in the catalogue.", "procedure_code"));
  }
  if (blank(c.reason)) {
    return tl::unexpected(field_error("reason_required", "reason: cần ghi lý do thay đổi.",
                                      "reason: a reason for the change is required.", "reason"));
  }
  if (c.value.empty()) return {};  // removal
  if (c.input_key == "electronic_result") {
    if (c.value != "yes" && c.value != "no") {
      return tl::unexpected(field_error("invalid_value", "value: phải là yes hoặc no.",
                                        "value: must be yes or no.", "value"));
    }
  } else if (!codec::parse_iso_date(c.value)) {
    return tl::unexpected(field_error("invalid_value", "value: phải là ngày dạng YYYY-MM-DD.",
                                      "value: must be a date as YYYY-MM-DD.", "value"));
  }
  if (blank(c.source) || c.source.size() > kMaxSourceBytes) {
    return tl::unexpected(field_error(
        "source_required",
        "source: cần ghi nguồn của giá trị (văn bản, số hiệu, đường dẫn), tối đa 1000 byte.",
        "source: name where the value comes from (document, number, address), at most 1000 "
        "bytes.",
        "source"));
  }
  return {};
}

}  // namespace

AppResult<Index766Inputs> list_index_766_inputs(store::SqlConnection& db, const Actor& actor) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  Index766Inputs out;
  for (const auto& r : store::index_766_inputs(db)) out.inputs.push_back(view(r));
  return out;
}

AppResult<Index766Input> record_index_766_input(store::SqlConnection& db,
                                                const calendar::WorkingCalendar& cal,
                                                const Actor& actor,
                                                const Index766InputChange& change, Instant now) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  if (auto ok = check(db, change); !ok) return tl::unexpected(ok.error());
  const auto at = to_iso(now, cal.utc_offset_minutes());
  const auto before = store::find_index_766_input(db, change.procedure_code, change.input_key);
  const auto object = change.procedure_code + ":" + change.input_key;
  if (change.value.empty()) {
    if (!store::delete_index_766_input(db, change.procedure_code, change.input_key)) {
      return tl::unexpected(not_found("Decision 766 input " + object));
    }
    store::append_audit(db, {0, actor.user_id, at, "index_766.input_removed", object, change.reason,
                             codec::flat_object_text({{"value", before ? before->value : ""},
                                                      {"source", before ? before->source : ""}})});
    return Index766Input{change.procedure_code, change.input_key, "", "", actor.user_id, at};
  }
  const store::Index766InputRow row{change.procedure_code, change.input_key, change.value,
                                    change.source,         actor.user_id,    at};
  store::put_index_766_input(db, row);
  store::append_audit(db, {0, actor.user_id, at, "index_766.input_recorded", object, change.reason,
                           codec::flat_object_text({{"value", change.value},
                                                    {"source", change.source},
                                                    {"previous", before ? before->value : ""}})});
  return view(row);
}

}  // namespace motcua::app
