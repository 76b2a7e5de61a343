// motcua setup one-stop-units --province ID [--template FILE] [--db DB]
// motcua setup processes --province ID [--level LEVEL] [--procedure CODE] [--template FILE] [--db
// DB] A fresh installation's one-stop units and default internal processes, from the templates in
// data/templates (data/README.md): only what is missing is created, so a second run changes
// nothing and says so ("created": 0). Each creation is audited by "cli:setup". Prints one JSON
// summary: created, existing, skipped and the first problems; a bad template or an unknown
// province exits 2 having written nothing.
#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <iterator>
#include <optional>

#include "app/admin/setup_templates.hpp"
#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "domain/calendar/date.hpp"

namespace motcua::cli {

namespace {

namespace json = boost::json;

struct SetupArgs {
  DbOption db;
  std::string province;
  std::string template_file;
  std::string level;
  std::string procedure;
};

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// "37" and "province-37" name the same province.
std::string province_id(const std::string& given) {
  return given.rfind("province-", 0) == 0 ? given : "province-" + given;
}

Instant now() {
  return Instant{std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count()};
}

int answer(const app::AppResult<app::SetupOutcome>& outcome, const char* what) {
  if (!outcome) {
    const auto& e = outcome.error();
    return bad_input(e.message_vi + " / " + e.message_en);
  }
  json::array problems;
  for (const auto& p : outcome->problems) problems.push_back(json::string(p));
  return print_json(
      json::object{{"created", outcome->created},
                   {"existing", outcome->existing},
                   {"skipped", outcome->skipped},
                   {"problems", std::move(problems)},
                   {"message", outcome->created == 0
                                   ? std::string("nothing to do: every ") + what + " exists already"
                                   : std::to_string(outcome->created) + " " + what + " created"}});
}

int run_units(const SetupArgs& args) {
  const auto text = read_file(args.template_file);
  if (!text) return bad_input("cannot read the template " + args.template_file);
  const auto templates = codec::parse_unit_templates(*text);
  if (!templates) return bad_input(args.template_file + ": " + templates.error());
  const auto reason = "motcua setup one-stop-units (" + args.template_file + ")";
  auto store = args.db.open();
  std::optional<app::AppResult<app::SetupOutcome>> outcome;
  store->write([&](store::SqlConnection& db) {
    outcome = app::set_up_one_stop_units(db, *templates, province_id(args.province),
                                         app::kSetupActor, reason, to_iso(now(), 420));
  });
  return answer(*outcome, "one-stop unit");
}

int run_processes(const SetupArgs& args) {
  const auto text = read_file(args.template_file);
  if (!text) return bad_input("cannot read the template " + args.template_file);
  const auto tmpl = codec::parse_process_template(*text);
  if (!tmpl) return bad_input(args.template_file + ": " + tmpl.error());
  const auto reason = "motcua setup processes (" + args.template_file + ")";
  const auto at = now();
  auto store = args.db.open();
  std::optional<app::AppResult<app::SetupOutcome>> outcome;
  store->write([&](store::SqlConnection& db) {
    outcome = app::set_up_processes(
        db, *tmpl, {province_id(args.province), args.level, args.procedure}, app::kSetupActor,
        reason, to_iso(to_local(at, 420).date), to_iso(at, 420));
  });
  return answer(*outcome, "process");
}

}  // namespace

void add_setup_command(CLI::App& app, Action& action) {
  auto* setup = app.add_subcommand(
      "setup", "Create a fresh installation's one-stop units and processes from templates");
  setup->require_subcommand(1);

  auto units = std::make_shared<SetupArgs>();
  units->template_file = "data/templates/one-stop-units.json";
  auto* u = setup->add_subcommand("one-stop-units",
                                  "A one-stop unit for the province and each of its communes");
  units->db.add_to(*u);
  u->add_option("--province", units->province, "The province: its code (37) or id (province-37)")
      ->required();
  u->add_option("--template", units->template_file,
                "Template (default " + units->template_file + ")");
  u->callback([units, &action] { action = [units] { return run_units(*units); }; });

  auto processes = std::make_shared<SetupArgs>();
  processes->template_file = "data/templates/internal-process.json";
  auto* p = setup->add_subcommand(
      "processes", "The default internal process of each procedure at each competent agency");
  processes->db.add_to(*p);
  p->add_option("--province", processes->province,
                "The province: its code (37) or id (province-37)")
      ->required();
  p->add_option("--level", processes->level, "Only procedures of this level (commune, province)");
  p->add_option("--procedure", processes->procedure, "Only this procedure (its code)");
  p->add_option("--template", processes->template_file,
                "Template (default " + processes->template_file + ")");
  p->callback([processes, &action] { action = [processes] { return run_processes(*processes); }; });
}

}  // namespace motcua::cli
