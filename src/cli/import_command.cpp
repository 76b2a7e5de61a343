// motcua import catalog FILE [--db PATH] [--report PATH]
//   The national procedure catalog (jsonl or jsonl.gz; formats in docs/catalog-import.md). Progress
//   on stderr; stdout gets one JSON summary: records, imported, updated, unchanged, rejected (line,
//   code, reason) and warnings (count, by kind, the report file with the details). Idempotent.
// motcua import units [DIR] [--db PATH]
//   Provinces and communes from the administrative-unit CSV editions (default data/units).
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/admin/cli_officials.hpp"
#include "app/imports/data_import.hpp"
#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "codec/catalog_report.hpp"

namespace motcua::cli {

namespace {

namespace json = boost::json;

struct CatalogArgs {
  DbOption db;
  std::string file;
  std::string report = "var/catalog-import-report.jsonl";
};

struct UnitsArgs {
  DbOption db;
  std::string dir = "data/units";
};

std::string today_local() {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
  return to_iso(to_local(Instant{seconds}, 420).date);
}

// The command line acts as the installation ("cli"), as `motcua admin create-user` does.
app::ImportActor importer() {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
  return app::ImportActor{app::kCliActor, to_iso(Instant{seconds}, 420)};
}

int run_catalog(const CatalogArgs& args) {
  if (!std::filesystem::is_regular_file(args.file)) return bad_input("cannot open " + args.file);
  const std::filesystem::path report_path(args.report);
  if (report_path.has_parent_path()) std::filesystem::create_directories(report_path.parent_path());
  std::ofstream report(report_path, std::ios::trunc);
  if (!report) return bad_input("cannot write the report file " + args.report);
  auto store = args.db.open();
  auto outcome = app::import_catalog(
      *store, args.file, &report, today_local(), importer(),
      [](std::size_t lines) { std::cerr << "motcua import: " << lines << " lines read\n"; });
  if (!outcome) return bad_input(outcome.error());
  const auto& summary = outcome->summary;
  json::array rejected;
  for (const auto& r : summary.rejected) {
    rejected.push_back(json::object{{"line", r.line},
                                    {"code", r.code},
                                    {"reason", codec::to_string(r.reason)},
                                    {"detail", r.detail}});
  }
  const auto details = json::parse(codec::render_summary_json(summary)).as_object();
  return print_json(json::object{{"file", args.file},
                                 {"records", summary.records()},
                                 {"imported", outcome->imported},
                                 {"updated", outcome->updated},
                                 {"unchanged", outcome->unchanged},
                                 {"rejected", std::move(rejected)},
                                 {"warnings",
                                  {{"count", summary.warnings()},
                                   {"records_with_warnings", summary.imported_with_warnings},
                                   {"by_kind", details.at("warnings_by_kind")},
                                   {"report", args.report}}}});
}

int run_units(const UnitsArgs& args) {
  auto store = args.db.open();
  auto outcome = app::import_units(*store, args.dir, importer());
  if (!outcome) return bad_input(outcome.error());
  return print_json(json::object{{"dir", args.dir},
                                 {"editions", outcome->editions},
                                 {"provinces", outcome->provinces},
                                 {"communes", outcome->communes},
                                 {"inserted", outcome->inserted},
                                 {"updated", outcome->updated},
                                 {"unchanged", outcome->unchanged},
                                 {"changes_recorded", outcome->changes_recorded}});
}

}  // namespace

void add_import_command(CLI::App& app, Action& action) {
  auto* import = app.add_subcommand("import", "Import public data (catalog, units)");
  import->require_subcommand(1);
  auto catalog_args = std::make_shared<CatalogArgs>();
  auto* catalog =
      import->add_subcommand("catalog", "Import procedures from a national catalog file");
  catalog->add_option("file", catalog_args->file, "jsonl or jsonl.gz file")->required();
  catalog->add_option("--report", catalog_args->report,
                      "Where to write per-record warnings (JSON lines)");
  catalog_args->db.add_to(*catalog);
  catalog->callback(
      [catalog_args, &action] { action = [catalog_args] { return run_catalog(*catalog_args); }; });

  auto units_args = std::make_shared<UnitsArgs>();
  auto* units = import->add_subcommand("units", "Import provinces and communes (agencies)");
  units->add_option("dir", units_args->dir, "Folder of vn-provinces-*.csv and vn-wards-*.csv");
  units_args->db.add_to(*units);
  units->callback(
      [units_args, &action] { action = [units_args] { return run_units(*units_args); }; });
}

}  // namespace motcua::cli
