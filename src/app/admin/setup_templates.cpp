#include "app/admin/setup_templates.hpp"

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

constexpr std::size_t kProblemsKept = 20;

void note(SetupOutcome& out, std::string problem) {
  ++out.skipped;
  if (out.problems.size() < kProblemsKept) out.problems.push_back(std::move(problem));
}

std::string filled(std::string text, const store::AgencyRow& agency) {
  const std::pair<std::string, std::string> values[] = {
      {"{agency_id}", agency.id},
      {"{name}", agency.name},
      {"{name_en}", agency.name_en.empty() ? agency.name : agency.name_en}};
  for (const auto& [key, value] : values) {
    for (auto at = text.find(key); at != std::string::npos;
         at = text.find(key, at + value.size())) {
      text.replace(at, key.size(), value);
    }
  }
  return text;
}

// The province and the agencies under it (two levels: its departments and communes).
AppResult<std::vector<store::AgencyRow>> province_agencies(store::SqlConnection& db,
                                                           const std::string& province_id) {
  const auto province = store::find_agency(db, province_id);
  if (!province || province->parent_id) {
    return tl::unexpected(
        AppError{ErrorKind::invalid_input, "unknown_province",
                 "Không có tỉnh/thành phố " + province_id +
                     " (province: mã cơ quan cấp tỉnh, vd. province-37).",
                 "No province " + province_id +
                     " (province: the id of a province agency, e.g. province-37).",
                 "province"});
  }
  std::vector<store::AgencyRow> out{*province};
  for (auto& child : store::child_agencies(db, province_id)) {
    for (auto& grandchild : store::child_agencies(db, child.id)) out.push_back(grandchild);
    out.push_back(std::move(child));
  }
  return out;
}

}  // namespace

tl::expected<process::ProcessDefinition, std::string> process_from_template(
    const ProcessTemplate& tmpl, const std::string& procedure_code, const std::string& agency_id,
    const clock::TimeLimit& limit) {
  using U = clock::LimitUnit;
  auto p = tmpl.process;
  p.id = procedure_code + "@" + agency_id;
  p.procedure_code = procedure_code;
  p.agency_id = agency_id;
  p.version = 1;
  p.legal_limit = limit;
  // Calendar-day limits are split in whole days (validation keeps units apart); the others in
  // working hours, a working day being eight.
  const bool days = limit.unit == U::calendar_days;
  const std::int64_t total =
      days ? limit.amount : (limit.unit == U::working_days ? limit.amount * 8 : limit.amount);
  std::int64_t fixed = 0;
  process::Step* remainder = nullptr;
  for (auto& step : p.steps) {
    if (step.id == tmpl.remainder_step) {
      remainder = &step;
      continue;
    }
    if (days) step.budget = {1, U::calendar_days};
    fixed += step.budget.amount;
  }
  if (remainder == nullptr)
    return tl::unexpected("the template has no step " + tmpl.remainder_step);
  if (total - fixed <= 0) {
    return tl::unexpected("the limit " + clock::to_string(limit) + " leaves no time for step " +
                          tmpl.remainder_step);
  }
  remainder->budget = {total - fixed, days ? U::calendar_days : U::working_hours};
  if (const auto problems = process::validate(p); !problems.empty()) {
    return tl::unexpected(problems.front().message_en);
  }
  return p;
}

AppResult<SetupOutcome> set_up_one_stop_units(store::SqlConnection& db,
                                              const std::vector<UnitTemplate>& templates,
                                              const std::string& province_id,
                                              const std::string& actor_id,
                                              const std::string& reason,
                                              const std::string& now_iso) {
  auto agencies = province_agencies(db, province_id);
  if (!agencies) return tl::unexpected(agencies.error());
  SetupOutcome out;
  for (const auto& agency : *agencies) {
    for (const auto& t : templates) {
      if (t.agency_kind != agency.kind) continue;
      if (!store::units_of_agency(db, agency.id).empty()) {
        ++out.existing;
        continue;
      }
      const store::OneStopUnitRow unit{filled(t.id, agency), agency.id, filled(t.name, agency),
                                       filled(t.name_en, agency), filled(t.address, agency)};
      if (store::find_unit(db, unit.id)) {
        note(out, "unit id " + unit.id + " is taken by another agency");
        continue;
      }
      store::insert_unit(db, unit);
      store::append_audit(
          db, {0, actor_id, now_iso, "one_stop_unit.created", unit.id, reason,
               codec::unit_change_details(std::nullopt, {unit.id, unit.agency_id, unit.name,
                                                         unit.name_en, unit.address})});
      ++out.created;
    }
  }
  return out;
}

AppResult<SetupOutcome> set_up_processes(store::SqlConnection& db, const ProcessTemplate& tmpl,
                                         const ProcessSetup& scope, const std::string& actor_id,
                                         const std::string& reason, const std::string& today,
                                         const std::string& now_iso) {
  if (!scope.level.empty() && !tmpl.levels.contains(scope.level)) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "unknown_level",
                                   "Cấp không có trong mẫu (level): " + scope.level + ".",
                                   "The template has no level (level) " + scope.level + ".",
                                   "level"});
  }
  if (!scope.procedure_code.empty() && !store::procedure_exists(db, scope.procedure_code)) {
    return tl::unexpected(not_found("procedure " + scope.procedure_code));
  }
  auto agencies = province_agencies(db, scope.province_id);
  if (!agencies) return tl::unexpected(agencies.error());
  SetupOutcome out;
  for (const auto& procedure : store::latest_procedures(db)) {
    if (!scope.procedure_code.empty() && procedure.code != scope.procedure_code) continue;
    if (!scope.level.empty() && procedure.level != scope.level) continue;
    const auto kind = tmpl.levels.find(procedure.level);
    if (kind == tmpl.levels.end()) continue;
    // The province's own time limit where the catalog has none (local terms, admin screen).
    const auto terms =
        load_procedure_terms(db, procedure.code, clock::Channel::counter, today, scope.province_id);
    if (!terms) {
      note(out, procedure.code + ": no time limit (" + terms.error().message_en + ")");
      continue;
    }
    for (const auto& agency : *agencies) {
      if (agency.kind != kind->second) continue;
      if (store::process_in_force(db, procedure.code, agency.id)) {
        ++out.existing;
        continue;
      }
      auto p = process_from_template(tmpl, procedure.code, agency.id, terms->clock.limit);
      if (!p) {
        note(out, procedure.code + ": " + p.error());
        break;  // the same limit fails at every agency
      }
      store::insert_process(db, {p->id, 1, procedure.code, agency.id, codec::serialize_process(*p),
                                 actor_id, now_iso});
      store::append_audit(
          db, {0, actor_id, now_iso, "process.saved", p->id, reason,
               codec::process_saved_details(1, static_cast<std::int64_t>(p->steps.size()))});
      ++out.created;
    }
  }
  return out;
}

}  // namespace motcua::app
