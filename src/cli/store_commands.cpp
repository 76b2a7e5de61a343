// motcua migrate: create or upgrade the database schema.
// motcua verify-log: recompute the hash chains of the dossier event log and of the audit log, and
// check the signed anchors against both; exit 3 and name the first broken row or what was cut.
// motcua anchor: write a signed anchor of both logs now (cli/log_anchoring.hpp).
#include <boost/json.hpp>

#include "app/imports/document_upgrade.hpp"
#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "cli/log_anchoring.hpp"
#include "store/audit_log.hpp"
#include "store/database_url.hpp"
#include "store/event_log.hpp"

namespace motcua::cli {

namespace {

constexpr int kExitIntegrity = 3;

struct AnchorOptions {
  DbOption db;
  std::string key_file;
  std::string anchors_file;

  void add_to(CLI::App& command) {
    db.add_to(command);
    command
        .add_option("--anchor-key", key_file,
                    "Ed25519 key file of this instance (default: <db>.anchor-key beside a SQLite "
                    "file, var/motcua.anchor-key for PostgreSQL); created with mode 0600")
        ->envname("MOTCUA_ANCHOR_KEY");
    command
        .add_option("--anchors-file", anchors_file,
                    "JSON-lines file of signed anchors (default: <db>.anchors.jsonl)")
        ->envname("MOTCUA_ANCHORS_FILE");
  }
  AnchorPaths paths() const { return anchor_paths(db.resolved(), key_file, anchors_file); }
};

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

boost::json::value seq_or_null(const std::optional<std::int64_t>& seq) {
  return seq ? boost::json::value(*seq) : boost::json::value(nullptr);
}

int run_verify(const AnchorOptions& options) {
  auto store = options.db.open();
  store::ChainCheck events;
  store::ChainCheck audit;
  store->read([&](store::SqlConnection& conn) {
    events = store::verify_chain(conn);
    audit = store::verify_audit_chain(conn);
  });
  AnchorCheck anchors;
  try {
    anchors = verify_anchors(*store, options.paths());
  } catch (const std::runtime_error& e) {
    anchors.problems.push_back(e.what());
  }
  const bool ok = events.ok() && audit.ok() && anchors.problems.empty();
  boost::json::array anchor_problems;
  for (const auto& p : anchors.problems) anchor_problems.emplace_back(p);
  boost::json::object out{{"database", store::printable_database(options.db.resolved())},
                          {"ok", ok},
                          {"events_checked", events.events_checked},
                          {"audit_checked", audit.events_checked},
                          {"anchors_checked", anchors.anchors_checked}};
  out["first_broken_seq"] = seq_or_null(events.first_broken_seq);
  out["problem"] = events.problem;
  out["audit_first_broken_seq"] = seq_or_null(audit.first_broken_seq);
  out["audit_problem"] = audit.problem;
  out["anchor_problems"] = std::move(anchor_problems);
  const int printed = print_json(out);
  return ok ? printed : kExitIntegrity;
}

int run_anchor(const AnchorOptions& options) {
  auto store = options.db.open();
  store::LogAnchor anchor;
  try {
    anchor = write_anchor(*store, options.paths());
  } catch (const std::runtime_error& e) {
    return bad_input(e.what());
  }
  return print_json(
      boost::json::object{{"database", store::printable_database(options.db.resolved())},
                          {"seq", anchor.seq},
                          {"at", anchor.at},
                          {"events_seq", anchor.events_seq},
                          {"events_count", anchor.events_count},
                          {"audit_seq", anchor.audit_seq},
                          {"audit_count", anchor.audit_count},
                          {"public_key", anchor.public_key},
                          {"anchors_file", options.paths().anchors_file}});
}

}  // namespace

void add_store_commands(CLI::App& app, Action& action) {
  auto migrate_db = std::make_shared<DbOption>();
  auto* migrate = app.add_subcommand("migrate", "Create or upgrade the database schema");
  migrate_db->add_to(*migrate);
  migrate->callback(
      [migrate_db, &action] { action = [migrate_db] { return run_migrate(*migrate_db); }; });

  auto verify_options = std::make_shared<AnchorOptions>();
  auto* verify = app.add_subcommand(
      "verify-log", "Check the hash chains of the event and audit logs against the signed anchors");
  verify_options->add_to(*verify);
  verify->callback([verify_options, &action] {
    action = [verify_options] { return run_verify(*verify_options); };
  });

  auto anchor_options = std::make_shared<AnchorOptions>();
  auto* anchor = app.add_subcommand(
      "anchor", "Sign and record the heads of the event and audit logs now (tamper evidence)");
  anchor_options->add_to(*anchor);
  anchor->callback([anchor_options, &action] {
    action = [anchor_options] { return run_anchor(*anchor_options); };
  });
}

}  // namespace motcua::cli
