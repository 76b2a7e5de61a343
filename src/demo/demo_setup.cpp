#include "demo/demo_setup.hpp"

#include <chrono>
#include <fstream>
#include <iterator>

#include "app/accounts/accounts.hpp"
#include "app/admin/setup_templates.hpp"
#include "app/dossier/procedure_terms.hpp"
#include "app/imports/data_import.hpp"
#include "codec/process_json.hpp"
#include "store/account_repository.hpp"
#include "store/agency_repository.hpp"
#include "store/demo_rows.hpp"
#include "store/process_repository.hpp"

namespace motcua::app::demo {

using dossier::Role;

namespace {

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

// The demo's imports are audited like any other, as actor "demo", at the real time of the build.
ImportActor demo_importer() {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
  return ImportActor{"demo", to_iso(Instant{seconds}, 420)};
}

}  // namespace

tl::expected<void, std::string> set_up_agencies(store::Store& store,
                                                const codec::DemoConfig& config,
                                                const std::filesystem::path& data_dir,
                                                DemoOutcome& out) {
  auto units = import_units(store, data_dir / "units", demo_importer());
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
    auto imported =
        import_catalog(store, options.data_dir / "catalog" / file, &report, today, demo_importer());
    if (!imported) return tl::unexpected(imported.error());
    out.procedures += imported->summary.parsed();
  }
  // The demo's processes are a fresh installation's default ones (`motcua setup processes`).
  const auto template_file = options.data_dir / "templates" / "internal-process.json";
  std::ifstream template_in(template_file, std::ios::binary);
  const auto tmpl = codec::parse_process_template(
      std::string(std::istreambuf_iterator<char>(template_in), std::istreambuf_iterator<char>()));
  if (!tmpl) return tl::unexpected(template_file.string() + ": " + tmpl.error());
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
        const auto made = process_from_template(*tmpl, code, agency, terms->clock.limit);
        if (!made) {
          problem = "process " + code + "@" + agency + ": " + made.error();
          return;
        }
        const auto& process = *made;
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
