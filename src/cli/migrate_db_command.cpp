// motcua migrate-db --from PATH --to URL: moves a province with its whole history from a SQLite
// file into another database (PostgreSQL in production): the target is migrated to the same
// schema version, must be empty, receives every table in foreign-key order (store/table_copy.hpp),
// and is then verified: equal row counts per table, a verifying event chain with the same head.
// Exit 0 when every check holds, 2 when refused before copying, 3 when a check fails after it.
#include <boost/json.hpp>
#include <filesystem>

#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "store/backup.hpp"
#include "store/data_keys.hpp"
#include "store/database_url.hpp"
#include "store/event_log.hpp"
#include "store/table_copy.hpp"

namespace motcua::cli {

namespace {

constexpr int kExitIntegrity = 3;

struct MigrateDbArgs {
  std::string from;
  std::string to;
  std::size_t batch_rows = 500;
};

// `to` holds the keys of `from` first (the current key is the source's), then any it held before.
void write_key_ring(const std::string& from, const std::string& to) {
  const auto source = store::DataKeys::read_file(from);
  if (!std::filesystem::exists(to)) {
    source.write_file_if_absent(to);
    return;
  }
  std::vector<store::DataKey> ring = source.keys();
  bool added = false;
  const auto before = store::DataKeys::read_file(to);
  for (const auto& k : before.keys()) {
    bool known = false;
    for (const auto& s : ring) known = known || s.id == k.id;
    if (!known) {
      ring.push_back(k);
      added = true;
    }
  }
  const store::DataKeys merged(std::move(ring));
  if (added || before.current_id() != merged.current_id()) merged.write_file(to);
}

int run_migrate_db(const MigrateDbArgs& args) {
  if (args.from.find("://") != std::string::npos || !std::filesystem::exists(args.from)) {
    return bad_input("--from " + args.from + ": no SQLite database file there");
  }
  if (args.batch_rows == 0) return bad_input("--batch-rows must be at least 1");
  if (std::filesystem::exists(args.to) && std::filesystem::equivalent(args.from, args.to)) {
    return bad_input("--from and --to are the same database");
  }
  // The source is opened like the server opens it: pending migrations are applied, so that both
  // sides are at this binary's schema version and have the same columns.
  const DbOption source_option{args.from, {}};
  auto source = source_option.open();
  // Sealed personal data is copied as it is: the target reads it with the source's data key.
  const DbOption target_option{args.to, source_option.resolved_data_key_file()};
  auto target = target_option.open();
  if (source->schema_version() != target->schema_version()) {
    return bad_input("schema versions differ: source " + std::to_string(source->schema_version()) +
                     ", target " + std::to_string(target->schema_version()));
  }
  std::vector<store::TableShape> tables;
  source->read([&](store::SqlConnection& db) { tables = store::sqlite_tables_to_copy(db); });
  std::optional<store::OccupiedTable> occupied;
  target->read(
      [&](store::SqlConnection& db) { occupied = store::first_occupied_table(db, tables); });
  if (occupied) {
    std::int64_t dossiers = 0;
    target->read([&](store::SqlConnection& db) { dossiers = store::count_rows(db, "dossiers"); });
    return bad_input("the target is not empty (" + std::to_string(dossiers) + " dossiers; " +
                     std::to_string(occupied->rows) + " rows in " + occupied->table +
                     "): a province moves into an empty database");
  }

  store::CopyReport report;
  std::optional<std::string> source_head;
  // One read transaction on the source: the copy is one snapshot even if a server still writes.
  source->read([&](store::SqlConnection& db) {
    report = store::copy_tables(db, *target, tables, args.batch_rows);
    source_head = store::chain_head(db);
  });
  store::ChainCheck chain;
  std::optional<std::string> target_head;
  target->read([&](store::SqlConnection& db) {
    chain = store::verify_chain(db);
    target_head = store::chain_head(db);
  });

  boost::json::array per_table;
  for (const auto& t : report.tables) {
    per_table.push_back(boost::json::object{
        {"table", t.table}, {"source_rows", t.source_rows}, {"target_rows", t.target_rows}});
  }
  const bool heads_equal = source_head == target_head;
  const bool ok = report.counts_equal() && chain.ok() && heads_equal;
  // The key goes with the data: the target's own key file (beside a SQLite file, or
  // var/motcua.data-key for PostgreSQL) gets the source's keys, so `serve --db TARGET` opens it.
  // A key file already there (made by `migrate` on the empty target, or shared with other
  // databases) keeps its keys behind the source's.
  const std::string source_key = source_option.resolved_data_key_file();
  const std::string target_key = DbOption{args.to, {}}.resolved_data_key_file();
  if (target_key != source_key) write_key_ring(source_key, target_key);
  const int printed = print_json(boost::json::object{{"from", store::printable_database(args.from)},
                                                     {"to", store::printable_database(args.to)},
                                                     {"schema_version", target->schema_version()},
                                                     {"data_key_file", target_key},
                                                     {"tables", std::move(per_table)},
                                                     {"rows_copied", report.rows_copied},
                                                     {"write_jobs", report.write_jobs},
                                                     {"counts_equal", report.counts_equal()},
                                                     {"chain_ok", chain.ok()},
                                                     {"events_checked", chain.events_checked},
                                                     {"chain_head_equal", heads_equal},
                                                     {"problem", chain.problem},
                                                     {"ok", ok}});
  return ok ? printed : kExitIntegrity;
}

}  // namespace

void add_migrate_db_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<MigrateDbArgs>();
  auto* cmd = app.add_subcommand(
      "migrate-db",
      "Move a province with its whole history from a SQLite file into an empty database "
      "(PostgreSQL: --to postgresql://USER@HOST:PORT/DB), then verify counts and the event chain");
  cmd->add_option("--from", args->from, "The SQLite database file to copy")->required();
  cmd->add_option("--to", args->to, "The target database (must hold no data)")->required();
  cmd->add_option("--batch-rows", args->batch_rows, "Rows per write job (default 500)");
  cmd->callback([args, &action] { action = [args] { return run_migrate_db(*args); }; });
}

}  // namespace motcua::cli
