// motcua admin create-user --db DB --username NAME --role administrator
//   (--password-file FILE | --password-stdin) [--display-name NAME] [--agency AGENCY_ID]
// Creates an official who can log in, typically the first administrator of a new installation.
// The password is never taken on the command line (it would show in `ps` and shell histories):
// it is read from a file or from standard input, one trailing newline dropped. Prints the new
// official as JSON; a refusal (weak password, taken username, no agency yet) exits 2.
#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

#include "app/admin/cli_officials.hpp"
#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "domain/calendar/date.hpp"

namespace motcua::cli {

namespace {

namespace json = boost::json;

struct CreateUserArgs {
  DbOption db;
  app::CliOfficial official;
  std::string password_file;
  bool password_stdin = false;
};

std::string without_trailing_newline(std::string text) {
  if (!text.empty() && text.back() == '\n') text.pop_back();
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

std::optional<std::string> read_password(const CreateUserArgs& args) {
  if (args.password_stdin) {
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    return without_trailing_newline(line + "\n");
  }
  std::ifstream in(args.password_file, std::ios::binary);
  if (!in) return std::nullopt;
  return without_trailing_newline(
      std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

int refused(const app::AppError& e) {
  std::string message = e.message_vi + " / " + e.message_en;
  if (!e.detail.empty()) message += " (" + e.detail + ")";
  return bad_input(message);
}

json::object official_json(const app::OfficialView& v) {
  json::array grants;
  for (const auto& g : v.grants) {
    grants.push_back(
        json::object{{"role", g.role}, {"agency_id", g.agency_id}, {"agency_name", g.agency_name}});
  }
  return json::object{{"id", v.id},
                      {"username", v.username},
                      {"display_name", v.display_name},
                      {"created_at", v.created_at},
                      {"grants", std::move(grants)}};
}

int run_create_user(CreateUserArgs args) {
  if (args.password_stdin == !args.password_file.empty()) {
    return bad_input("give exactly one of --password-file FILE and --password-stdin");
  }
  auto password = read_password(args);
  if (!password) {
    return bad_input(args.password_stdin ? "no password on standard input"
                                         : "cannot read the password file " + args.password_file);
  }
  args.official.password = std::move(*password);
  // Checked and hashed (Argon2id, slow on purpose) before the write transaction.
  auto official = app::prepare_cli_official(args.official);
  args.official.password.clear();
  if (!official) return refused(official.error());
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
  const std::string now_iso = to_iso(Instant{seconds}, 420);
  auto store = args.db.open();
  std::optional<app::AppResult<app::OfficialView>> created;
  store->write([&](store::SqlConnection& db) {
    // Every refusal comes before the first write: a refused job writes nothing.
    created = app::create_cli_official(db, *official, now_iso);
  });
  if (!*created) return refused(created->error());
  return print_json(official_json(**created));
}

}  // namespace

void add_admin_command(CLI::App& app, Action& action) {
  auto* admin = app.add_subcommand("admin", "Administration from the command line");
  admin->require_subcommand(1);
  auto args = std::make_shared<CreateUserArgs>();
  auto* create = admin->add_subcommand(
      "create-user", "Create an official who can log in (e.g. the first administrator)");
  args->db.add_to(*create);
  create->add_option("--username", args->official.username, "Login name (3-64: a-z 0-9 . _ -)")
      ->required();
  create
      ->add_option("--role", args->official.role, "reception, processing, leader or administrator")
      ->required();
  create->add_option("--display-name", args->official.display_name,
                     "Name shown to others (default: the username)");
  create->add_option("--agency", args->official.agency_id,
                     "Agency of the grant (default: the root agency of the installation)");
  create->add_option("--password-file", args->password_file,
                     "File holding the password (never give it on the command line)");
  create->add_flag("--password-stdin", args->password_stdin,
                   "Read the password from the first line of standard input");
  create->callback([args, &action] { action = [args] { return run_create_user(*args); }; });
}

}  // namespace motcua::cli
