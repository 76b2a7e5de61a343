// motcua import catalog FILE [--db PATH] [--report PATH]
// Imports the national procedure catalog (jsonl or jsonl.gz, the formats in
// docs/catalog-import.md). Progress goes to stderr; stdout gets one JSON summary: records,
// imported, updated, unchanged, rejected (line, code, reason) and warnings (count, by kind, and the
// report file with details). Idempotent: a second run of the same file changes nothing.
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "codec/catalog_file.hpp"
#include "codec/catalog_import.hpp"
#include "codec/catalog_report.hpp"
#include "codec/procedure_json.hpp"
#include "domain/catalog/canonical.hpp"
#include "domain/text/fold.hpp"
#include "store/catalog_repository.hpp"
#include "store/hashing.hpp"

namespace motcua::cli {

namespace {

namespace json = boost::json;

constexpr std::size_t kBatch = 250;  // records per write transaction

struct ImportArgs {
  DbOption db;
  std::string file;
  std::string report = "var/catalog-import-report.jsonl";
};

struct Counts {
  std::size_t imported = 0, updated = 0, unchanged = 0;
};

store::ProcedureRow row_of(const catalog::Procedure& p) {
  store::ProcedureRow r;
  r.code = p.code;
  r.name = p.name;
  r.name_folded = text::fold_vietnamese(p.name);
  r.field = p.field;
  r.level = p.levels.empty() ? "" : std::string(catalog::to_string(p.levels.front()));
  r.source = p.source;
  r.content_hash = store::sha256_hex(catalog::canonical_text(p));
  r.document = json::serialize(codec::procedure_to_json(p));
  return r;
}

std::string today_iso() {
  const auto now = std::chrono::system_clock::now();
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  return to_iso(to_local(Instant{seconds}, 420).date);
}

int run_import(const ImportArgs& args) {
  auto reader = codec::CatalogFileReader::open(args.file);
  if (!reader) return bad_input(reader.error());
  auto store = args.db.open();
  if (std::filesystem::path(args.report).has_parent_path()) {
    std::filesystem::create_directories(std::filesystem::path(args.report).parent_path());
  }
  std::ofstream report(args.report, std::ios::trunc);
  if (!report) return bad_input("cannot write the report file " + args.report);

  codec::CatalogImporter importer;
  Counts counts;
  std::vector<store::ProcedureRow> batch;
  const std::string today = today_iso();
  const auto flush = [&] {
    if (batch.empty()) return;
    store->write([&](store::SqlConnection& db) {
      for (const auto& row : batch) {
        switch (store::upsert_procedure(db, row, today, today)) {
          case store::UpsertOutcome::imported:
            ++counts.imported;
            break;
          case store::UpsertOutcome::updated:
            ++counts.updated;
            break;
          case store::UpsertOutcome::unchanged:
            ++counts.unchanged;
            break;
        }
      }
    });
    batch.clear();
  };
  std::size_t lines = 0;
  for (;;) {
    auto next = reader->next();
    if (!next) return bad_input(next.error());
    if (!*next) break;
    ++lines;
    auto result = importer.add_line((*next)->text, (*next)->number);
    if (!result) continue;
    if (codec::needs_report(*result)) report << codec::render_report_line(*result) << "\n";
    if (*result) batch.push_back(row_of((*result)->procedure));
    if (batch.size() >= kBatch) {
      flush();
      std::cerr << "motcua import: " << lines << " lines read\n";
    }
  }
  flush();
  const auto& summary = importer.summary();
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
                                 {"imported", counts.imported},
                                 {"updated", counts.updated},
                                 {"unchanged", counts.unchanged},
                                 {"rejected", std::move(rejected)},
                                 {"warnings",
                                  {{"count", summary.warnings()},
                                   {"records_with_warnings", summary.imported_with_warnings},
                                   {"by_kind", details.at("warnings_by_kind")},
                                   {"report", args.report}}}});
}

}  // namespace

void add_import_command(CLI::App& app, Action& action) {
  auto* import = app.add_subcommand("import", "Import data (catalog)");
  import->require_subcommand(1);
  auto args = std::make_shared<ImportArgs>();
  auto* catalog =
      import->add_subcommand("catalog", "Import procedures from a national catalog file");
  catalog->add_option("file", args->file, "jsonl or jsonl.gz file")->required();
  catalog->add_option("--report", args->report,
                      "Where to write the per-record warnings (JSON lines)");
  args->db.add_to(*catalog);
  catalog->callback([args, &action] { action = [args] { return run_import(*args); }; });
}

}  // namespace motcua::cli
