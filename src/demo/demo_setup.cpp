#include "demo/demo_setup.hpp"

#include <fstream>

#include "app/accounts/accounts.hpp"
#include "app/dossier/procedure_terms.hpp"
#include "app/imports/data_import.hpp"
#include "codec/process_json.hpp"
#include "domain/process/validation.hpp"
#include "store/account_repository.hpp"
#include "store/agency_repository.hpp"
#include "store/demo_rows.hpp"
#include "store/process_repository.hpp"

namespace motcua::app::demo {

using dossier::Role;

namespace {

process::Step step(const char* id, const char* name, const char* name_en, Role role,
                   clock::TimeLimit budget, std::vector<process::Action> actions) {
  return process::Step{
      id, name, name_en, process::Responsible{role, {}}, budget, std::move(actions)};
}

// The competent agencies a configured procedure is decided by in the demo.
std::vector<std::string> competent_agencies(const codec::DemoConfig& config,
                                            const codec::DemoProcedure& procedure) {
  if (procedure.level == "province") return {procedure.department};
  std::vector<std::string> communes;
  for (const auto& unit : config.one_stop_units) {
    if (unit.agency_id.rfind("commune-", 0) == 0) communes.push_back(unit.agency_id);
  }
  return communes;
}

}  // namespace

process::ProcessDefinition standard_process(const std::string& code, const std::string& agency,
                                            const clock::TimeLimit& limit) {
  using process::ActionKind;
  using U = clock::LimitUnit;
  // Budgets: receiving and returning take an hour each and the leader two; review gets the rest.
  // Calendar-day limits are split in whole days instead (validation keeps units apart).
  clock::TimeLimit receive{1, U::working_hours}, approve{2, U::working_hours},
      give{1, U::working_hours};
  clock::TimeLimit review{limit.amount * 8 - 4, U::working_hours};
  if (limit.unit == U::working_hours) review = {limit.amount - 4, U::working_hours};
  if (limit.unit == U::calendar_days) {
    receive = {1, U::calendar_days};
    approve = {1, U::calendar_days};
    give = {1, U::calendar_days};
    review = {limit.amount - 3, U::calendar_days};
  }
  process::ProcessDefinition p;
  p.id = code + "@" + agency;
  p.procedure_code = code;
  p.agency_id = agency;
  p.version = 1;
  p.legal_limit = limit;
  p.steps = {
      step("tiep-nhan", "Tiếp nhận, kiểm tra hồ sơ", "Receive and check", Role::reception, receive,
           {{ActionKind::forward, "tham-dinh"}, {ActionKind::request_supplement, {}}}),
      step("tham-dinh", "Thẩm định hồ sơ", "Review", Role::processing, review,
           {{ActionKind::forward, "phe-duyet"},
            {ActionKind::request_supplement, {}},
            {ActionKind::consult, {}},
            {ActionKind::send_back, "tiep-nhan"}}),
      step("phe-duyet", "Phê duyệt, ký kết quả", "Approve and sign", Role::leader, approve,
           {{ActionKind::approve, "tra-ket-qua"},
            {ActionKind::refuse, "tra-ket-qua"},
            {ActionKind::send_back, "tham-dinh"}}),
      step("tra-ket-qua", "Trả kết quả", "Return the result", Role::reception, give,
           {{ActionKind::return_result, {}}}),
  };
  return p;
}

tl::expected<void, std::string> set_up_agencies(store::Store& store,
                                                const codec::DemoConfig& config,
                                                const std::filesystem::path& data_dir,
                                                DemoOutcome& out) {
  auto units = import_units(store, data_dir / "units");
  if (!units) return tl::unexpected(units.error());
  out.agencies = units->provinces + units->communes;
  const std::string province = "province-" + config.province;
  store.write([&](store::SqlConnection& db) {
    for (const auto& [id, code] : config.agency_codes) store::set_agency_code(db, id, code);
    for (const auto& d : config.departments) {
      if (!store::agency_exists(db, d.id)) {
        store::insert_agency(db, {d.id, d.code, d.name, d.name_en, "department", province,
                                  "2025-07-01", std::nullopt});
      }
      ++out.agencies;
    }
    for (const auto& u : config.one_stop_units) {
      if (!store::find_unit(db, u.id)) {
        store::insert_unit(db, {u.id, u.agency_id, u.name, u.name_en, u.address});
      }
    }
  });
  return {};
}

tl::expected<void, std::string> set_up_catalog(store::Store& store, const codec::DemoConfig& config,
                                               const DemoOptions& options, const std::string& today,
                                               DemoOutcome& out) {
  std::filesystem::create_directories(options.report_dir);
  std::ofstream report(options.report_dir / "catalog-import-report.jsonl", std::ios::trunc);
  for (const char* file : {"dvcqg-catalog-2642.jsonl.gz", "bqp-structured-207.jsonl"}) {
    auto imported = import_catalog(store, options.data_dir / "catalog" / file, &report, today);
    if (!imported) return tl::unexpected(imported.error());
    out.procedures += imported->summary.parsed();
  }
  std::string problem;
  store.write([&](store::SqlConnection& db) {
    for (const auto& p : config.procedures) {
      const auto& code = p.code;
      store::insert_local_terms_if_absent(db, {code, p.limits, p.rule, p.note, "demo", today});
      auto terms = load_procedure_terms(db, code, clock::Channel::counter, today);
      if (!terms) {
        problem =
            "procedure " + code + ": " + terms.error().detail + " " + terms.error().message_en;
        return;
      }
      for (const auto& agency : competent_agencies(config, p)) {
        const auto process = standard_process(code, agency, terms->clock.limit);
        if (const auto problems = process::validate(process); !problems.empty()) {
          problem = "process " + process.id + ": " + problems.front().message_en;
          return;
        }
        if (!store::process_version(db, process.id, 1)) {
          store::insert_process(
              db, {process.id, 1, code, agency, codec::serialize_process(process), "demo", today});
        }
        ++out.processes;
      }
    }
  });
  if (!problem.empty()) return tl::unexpected(problem);
  return {};
}

tl::expected<void, std::string> set_up_people(store::Store& store, const codec::DemoConfig& config,
                                              DemoOutcome& out) {
  const auto& password = config.password;
  std::string problem;
  store.write([&](store::SqlConnection& db) {
    const auto add = [&](NewUser user) {
      if (store::username_taken(db, user.username)) return;
      if (auto created = create_user(db, user, "2025-07-01T08:00:00+07:00"); !created) {
        problem = user.username + ": " + created.error().detail;
      }
      ++out.users;
    };
    for (const auto& official : config.officials) {
      NewUser u{"u-" + official.username,
                official.username,
                false,
                official.name,
                password,
                "",
                "",
                "",
                {}};
      for (const auto& [role_name, agency_id] : official.roles) {
        if (auto role = dossier::parse_role(role_name)) u.grants.push_back({*role, agency_id});
      }
      add(std::move(u));
    }
    for (const auto& c : config.citizens) {
      add(NewUser{"u-" + c.username,
                  c.username,
                  true,
                  c.name,
                  password,
                  c.id_number,
                  c.email,
                  c.phone,
                  {}});
    }
  });
  if (!problem.empty()) return tl::unexpected(problem);
  return {};
}

}  // namespace motcua::app::demo
