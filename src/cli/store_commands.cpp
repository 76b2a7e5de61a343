// motcua migrate: create or upgrade the database schema.
// motcua verify-log: recompute the event log's hash chain; exit 3 and name the first broken event.
#include <boost/json.hpp>

#include "app/imports/document_upgrade.hpp"
#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "store/database_url.hpp"
#include "store/event_log.hpp"

namespace motcua::cli {

namespace {

constexpr int kExitIntegrity = 3;

int run_migrate(const DbOption& db) {
  auto store = db.open();
  // Stored procedure documents follow the schema: those of an older shape are read again.
  app::DocumentUpgrade upgrade;
  store->write(
      [&](store::SqlConnection& conn) { upgrade = app::upgrade_procedure_documents(conn); });
  return print_json(boost::json::object{{"database", store::printable_database(db.resolved())},
                                        {"schema_version", store->schema_version()},
                                        {"procedure_documents_rewritten", upgrade.rewritten}});
}

int run_verify(const DbOption& db) {
  auto store = db.open();
  store::ChainCheck check;
  store->read([&](store::SqlConnection& conn) { check = store::verify_chain(conn); });
  boost::json::object out{{"database", store::printable_database(db.resolved())},
                          {"ok", check.ok()},
                          {"events_checked", check.events_checked}};
  out["first_broken_seq"] = check.first_broken_seq ? boost::json::value(*check.first_broken_seq)
                                                   : boost::json::value(nullptr);
  out["problem"] = check.problem;
  const int printed = print_json(out);
  return check.ok() ? printed : kExitIntegrity;
}

}  // namespace

void add_store_commands(CLI::App& app, Action& action) {
  auto migrate_db = std::make_shared<DbOption>();
  auto* migrate = app.add_subcommand("migrate", "Create or upgrade the database schema");
  migrate_db->add_to(*migrate);
  migrate->callback(
      [migrate_db, &action] { action = [migrate_db] { return run_migrate(*migrate_db); }; });

  auto verify_db = std::make_shared<DbOption>();
  auto* verify = app.add_subcommand("verify-log", "Check the hash chain of the dossier event log");
  verify_db->add_to(*verify);
  verify->callback(
      [verify_db, &action] { action = [verify_db] { return run_verify(*verify_db); }; });
}

}  // namespace motcua::cli
