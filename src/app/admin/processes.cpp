#include "app/admin/processes.hpp"

#include <algorithm>

#include "app/admin/process_parse_cache.hpp"
#include "app/dossier/dossier_access.hpp"
#include "app/dossier/procedure_terms.hpp"
#include "codec/admin_audit_json.hpp"
#include "codec/process_json.hpp"
#include "domain/process/validation.hpp"
#include "store/agency_repository.hpp"
#include "store/audit_log.hpp"
#include "store/catalog_repository.hpp"
#include "store/process_repository.hpp"

namespace motcua::app {

namespace {

ProcessProblem problem(std::string_view code, const std::string& message_vi,
                       const std::string& message_en) {
  return {std::string(code), "", message_vi, message_en};
}

AppError invalid_process(std::size_t problems) {
  return {ErrorKind::invalid_input, "invalid_process", "Quy trình nội bộ chưa hợp lệ.",
          "The process is not valid.", std::to_string(problems) + " problem(s)"};
}

process::ProcessDefinition parse_stored(const store::ProcessRow& row) {
  return *cached_process(row.document, [&row](const std::string& document) {
    auto definition = codec::parse_process(document);
    if (!definition) {
      throw store::StoreError("process " + row.id + " version " + std::to_string(row.version) +
                              " cannot be read: " + definition.error());
    }
    return std::move(*definition);
  });
}

// The procedure's time limit for each channel, local terms of the agency applied; a channel
// without its own limit takes another's (procedure_terms.hpp), so equal ones are listed once.
std::vector<clock::TimeLimit> procedure_limits(store::SqlConnection& db, const std::string& code,
                                               const std::string& agency_id,
                                               const std::string& today) {
  std::vector<clock::TimeLimit> out;
  for (const auto channel :
       {clock::Channel::counter, clock::Channel::online, clock::Channel::post}) {
    const auto terms =
        load_procedure_terms(db, code, channel, today.empty() ? "9999-12-31" : today, agency_id);
    if (terms && std::find(out.begin(), out.end(), terms->clock.limit) == out.end())
      out.push_back(terms->clock.limit);
  }
  return out;
}

}  // namespace

ProcessDraft malformed_draft(const std::string& why) {
  ProcessDraft draft;
  draft.problems.push_back(problem("malformed_process",
                                   "Định nghĩa quy trình không đúng cấu trúc: " + why,
                                   "The process does not have the expected shape: " + why));
  return draft;
}

ProcessDraft draft_of(std::optional<process::ProcessDefinition> definition, std::string reason,
                      const std::string& expected_id) {
  ProcessDraft draft;
  draft.reason = std::move(reason);
  if (!definition) return draft;
  for (const auto& p : process::validate(*definition)) {
    draft.problems.push_back(
        {std::string(process::to_string(p.code)), p.step_id, p.message_vi, p.message_en});
  }
  if (!expected_id.empty() && definition->id != expected_id) {
    draft.problems.push_back(problem(
        "id_mismatch", "Mã quy trình trong nội dung khác với mã trong địa chỉ.",
        "The process id in the body differs from the one in the URL: '" + definition->id + "'."));
  }
  draft.definition = std::move(definition);
  return draft;
}

ProcessDraft check_process_references(store::SqlConnection& db, ProcessDraft draft,
                                      const std::string& today) {
  if (!draft.definition) return draft;
  const auto& d = *draft.definition;
  if (!d.procedure_code.empty() && !store::procedure_exists(db, d.procedure_code)) {
    draft.problems.push_back(
        problem("unknown_procedure", "Không có thủ tục mã " + d.procedure_code + " trong danh mục.",
                "There is no procedure " + d.procedure_code + " in the catalog."));
  } else if (!d.procedure_code.empty()) {
    for (const auto& p : process::check_against_procedure(
             d, procedure_limits(db, d.procedure_code, d.agency_id, today))) {
      draft.problems.push_back(
          {std::string(process::to_string(p.code)), p.step_id, p.message_vi, p.message_en});
    }
  }
  if (!d.agency_id.empty() && !store::agency_exists(db, d.agency_id)) {
    draft.problems.push_back(problem("unknown_agency", "Không có cơ quan mã " + d.agency_id + ".",
                                     "There is no agency " + d.agency_id + "."));
  }
  return draft;
}

AppResult<void> require_some_administrator(const Actor& actor) {
  if (actor.applicant || !actor.has_role(dossier::Role::administrator)) {
    return tl::unexpected(forbidden_action("only administrators edit internal processes"));
  }
  return {};
}

AppResult<process::ProcessDefinition> save_process(store::SqlConnection& db, const Actor& actor,
                                                   const std::string& id, const ProcessDraft& draft,
                                                   const std::string& reason,
                                                   const std::string& now_iso) {
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
    if (codec::serialize_process(stored) == latest->document) return stored;
  }
  stored.version = latest ? static_cast<int>(latest->version) + 1 : 1;
  const std::string document = codec::serialize_process(stored);
  store::insert_process(db, store::ProcessRow{id, stored.version, stored.procedure_code,
                                              stored.agency_id, document, actor.user_id, now_iso});
  store::append_audit(
      db, store::AuditEntry{0, actor.user_id, now_iso, "process.saved", id, reason,
                            codec::process_saved_details(
                                stored.version, static_cast<std::int64_t>(stored.steps.size()))});
  return stored;
}

AppResult<process::ProcessDefinition> find_process(store::SqlConnection& db, const std::string& id,
                                                   std::optional<std::int64_t> version) {
  const auto row =
      version ? store::process_version(db, id, *version) : store::latest_process(db, id);
  if (!row) return tl::unexpected(not_found("process " + id));
  return parse_stored(*row);
}

std::vector<ProcessSummary> list_processes(store::SqlConnection& db,
                                           const std::string& procedure_code,
                                           const std::string& agency_id) {
  std::vector<ProcessSummary> out;
  for (const auto& row : store::list_latest_processes(db, procedure_code, agency_id)) {
    const auto definition = parse_stored(row);
    // People pick a process by what it is for, so the list names the procedure and the agency.
    const auto agency = store::find_agency(db, row.agency_id);
    out.push_back({row.id, row.version, row.procedure_code,
                   store::latest_procedure_name(db, row.procedure_code), row.agency_id,
                   agency ? agency->name : std::string(), clock::to_string(definition.legal_limit),
                   static_cast<std::int64_t>(definition.steps.size()), row.updated_by,
                   row.updated_at});
  }
  return out;
}

std::optional<ProcessTerms> process_terms_in_force(store::SqlConnection& db,
                                                   const std::string& procedure_code,
                                                   const std::string& agency_id) {
  const auto row = store::process_in_force(db, procedure_code, agency_id);
  if (!row) return std::nullopt;
  const auto definition = cached_process(row->document, [&row](const std::string& document) {
    auto parsed = codec::parse_process(document);
    if (!parsed) {
      throw store::StoreError("stored process " + row->id + " cannot be read: " + parsed.error());
    }
    return std::move(*parsed);
  });
  ProcessTerms terms{row->id, row->version, {}};
  for (const auto& step : definition->steps) {
    terms.steps.push_back(ProcessStepTerms{step.id, step.name, step.budget});
  }
  return terms;
}

}  // namespace motcua::app
