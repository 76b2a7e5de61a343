#include "app/admin/processes.hpp"

#include <algorithm>

#include "app/dossier/dossier_access.hpp"
#include "codec/process_json.hpp"
#include "domain/process/validation.hpp"
#include "store/audit_log.hpp"
#include "store/process_repository.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

constexpr const char* kProcedureExists = "SELECT 1 FROM procedures WHERE code = ? LIMIT 1";
constexpr const char* kAgencyExists = "SELECT 1 FROM agencies WHERE id = ?";

json::object problem(std::string_view code, const std::string& message_vi,
                     const std::string& message_en) {
  return {{"code", code}, {"step", ""}, {"message_vi", message_vi}, {"message_en", message_en}};
}

AppError invalid_process(std::size_t problems) {
  return {ErrorKind::invalid_input, "invalid_process", "Quy trình nội bộ chưa hợp lệ.",
          "The process is not valid.", std::to_string(problems) + " problem(s)"};
}

json::object parse_stored(const store::ProcessRow& row) {
  boost::system::error_code ec;
  auto value = json::parse(row.document, ec);
  if (ec || !value.is_object()) {
    throw store::StoreError("process " + row.id + " version " + std::to_string(row.version) +
                            " is not a JSON object");
  }
  return std::move(value.as_object());
}

}  // namespace

ProcessDraft read_process_draft(store::SqlConnection& db, const json::value& body,
                                const std::string& expected_id) {
  ProcessDraft draft;
  const auto malformed = [&](const std::string& why) {
    draft.problems.push_back(problem("malformed_process",
                                     "Định nghĩa quy trình không đúng cấu trúc: " + why,
                                     "The process does not have the expected shape: " + why));
    return draft;
  };
  if (!body.is_object()) return malformed("the process must be a JSON object");
  json::object o = body.as_object();
  if (const auto* reason = o.if_contains("reason")) {
    if (!reason->is_string()) return malformed("reason: must be a string");
    draft.reason = std::string(reason->as_string());
    o.erase("reason");
  }
  // The server numbers versions; an editor need not send one.
  if (!o.contains("version")) o["version"] = 1;
  auto parsed = codec::process_from_json(o);
  if (!parsed) return malformed(parsed.error());

  draft.problems = codec::problems_to_json(process::validate(*parsed));
  if (!expected_id.empty() && parsed->id != expected_id) {
    draft.problems.push_back(problem(
        "id_mismatch", "Mã quy trình trong nội dung khác với mã trong địa chỉ.",
        "The process id in the body differs from the one in the URL: '" + parsed->id + "'."));
  }
  if (!parsed->procedure_code.empty() &&
      !db.query_one(kProcedureExists, {parsed->procedure_code})) {
    draft.problems.push_back(problem(
        "unknown_procedure", "Không có thủ tục mã " + parsed->procedure_code + " trong danh mục.",
        "There is no procedure " + parsed->procedure_code + " in the catalog."));
  }
  if (!parsed->agency_id.empty() && !db.query_one(kAgencyExists, {parsed->agency_id})) {
    draft.problems.push_back(problem("unknown_agency",
                                     "Không có cơ quan mã " + parsed->agency_id + ".",
                                     "There is no agency " + parsed->agency_id + "."));
  }
  draft.definition = std::move(*parsed);
  return draft;
}

AppResult<void> require_some_administrator(const Actor& actor) {
  if (actor.applicant || !actor.has_role(dossier::Role::administrator)) {
    return tl::unexpected(forbidden_action("only administrators edit internal processes"));
  }
  return {};
}

AppResult<json::object> save_process(store::SqlConnection& db, const Actor& actor,
                                     const std::string& id, const ProcessDraft& draft,
                                     const std::string& reason, const std::string& now_iso) {
  if (auto ok = require_some_administrator(actor); !ok) return tl::unexpected(ok.error());
  if (!draft.definition || !draft.problems.empty() || draft.definition->id != id) {
    return tl::unexpected(invalid_process(std::max<std::size_t>(1, draft.problems.size())));
  }
  process::ProcessDefinition stored = *draft.definition;
  const auto scope = scoped_agencies(db, actor, dossier::Role::administrator);
  if (std::find(scope.begin(), scope.end(), stored.agency_id) == scope.end()) {
    return tl::unexpected(
        forbidden_action("administrator rights over agency " + stored.agency_id + " are needed"));
  }
  const auto latest = store::latest_process(db, id);
  if (latest) {
    if (latest->procedure_code != stored.procedure_code || latest->agency_id != stored.agency_id) {
      return tl::unexpected(conflict(
          "process_identity_changed",
          "Quy trình đã gắn với thủ tục và cơ quan khác; hãy tạo quy trình mới với mã khác.",
          "The process belongs to another procedure or agency; create a new process instead.",
          "stored for " + latest->procedure_code + " at " + latest->agency_id));
    }
    stored.version = static_cast<int>(latest->version);
    if (codec::serialize_process(stored) == latest->document) return parse_stored(*latest);
  }
  stored.version = latest ? static_cast<int>(latest->version) + 1 : 1;
  const std::string document = codec::serialize_process(stored);
  store::insert_process(db, store::ProcessRow{id, stored.version, stored.procedure_code,
                                              stored.agency_id, document, actor.user_id, now_iso});
  const json::object details{{"version", stored.version},
                             {"steps", static_cast<std::int64_t>(stored.steps.size())}};
  store::append_audit(db, store::AuditEntry{0, actor.user_id, now_iso, "process.saved", id, reason,
                                            json::serialize(details)});
  return std::move(codec::process_to_json(stored).as_object());
}

AppResult<json::object> find_process(store::SqlConnection& db, const std::string& id,
                                     std::optional<std::int64_t> version) {
  const auto row =
      version ? store::process_version(db, id, *version) : store::latest_process(db, id);
  if (!row) return tl::unexpected(not_found("process " + id));
  return parse_stored(*row);
}

json::array list_processes(store::SqlConnection& db, const std::string& procedure_code,
                           const std::string& agency_id) {
  json::array out;
  for (const auto& row : store::list_latest_processes(db, procedure_code, agency_id)) {
    const auto doc = parse_stored(row);
    const auto* steps = doc.if_contains("steps");
    const auto* limit = doc.if_contains("legal_limit");
    out.push_back(json::object{{"id", row.id},
                               {"version", row.version},
                               {"procedure_code", row.procedure_code},
                               {"agency_id", row.agency_id},
                               {"legal_limit", limit != nullptr ? *limit : json::value(nullptr)},
                               {"steps", steps != nullptr && steps->is_array()
                                             ? static_cast<std::int64_t>(steps->as_array().size())
                                             : std::int64_t{0}},
                               {"updated_by", row.updated_by},
                               {"updated_at", row.updated_at}});
  }
  return out;
}

std::optional<ProcessTerms> process_terms_in_force(store::SqlConnection& db,
                                                   const std::string& procedure_code,
                                                   const std::string& agency_id) {
  const auto row = store::process_in_force(db, procedure_code, agency_id);
  if (!row) return std::nullopt;
  auto definition = codec::parse_process(row->document);
  if (!definition) {
    throw store::StoreError("stored process " + row->id + " cannot be read: " + definition.error());
  }
  ProcessTerms terms{row->id, row->version, {}};
  for (const auto& step : definition->steps) {
    terms.steps.push_back(ProcessStepTerms{step.id, step.name, step.budget});
  }
  return terms;
}

}  // namespace motcua::app
