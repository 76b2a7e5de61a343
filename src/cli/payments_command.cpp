// motcua payments reconcile --date YYYY-MM-DD --db DB [payment options]: asks the gateway (querydr)
// about every online payment started that day and still pending here, and prints the differences as
// JSON (app/payments/reconcile.hpp). It changes nothing.
#include <boost/json.hpp>
#include <chrono>
#include <regex>

#include "app/payments/reconcile.hpp"
#include "cli/calendar_option.hpp"
#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "cli/payment_options.hpp"
#include "integrations/vnpay/querydr.hpp"
#include "store/payment_repository.hpp"

namespace motcua::cli {

namespace {

struct ReconcileArgs {
  DbOption db;
  CalendarOption calendar;
  PaymentOptions payment;
  std::string date;
};

int run_reconcile(const ReconcileArgs& args) {
  if (!std::regex_match(args.date, std::regex(R"(\d{4}-\d{2}-\d{2})"))) {
    return bad_input("--date: ngày dạng YYYY-MM-DD / a date as YYYY-MM-DD");
  }
  auto gateway = payment_gateway(args.payment);
  if (!gateway) return bad_input(gateway.error());
  if (!gateway->configured()) {
    return bad_input("--payment-url, --payment-terminal and --payment-secret-file are needed");
  }
  auto cal = args.calendar.load();
  if (!cal) return bad_input(cal.error());
  const int offset = cal->utc_offset_minutes();
  auto store = args.db.open();
  std::vector<store::PaymentRow> pending;
  store->read(
      [&](store::SqlConnection& db) { pending = store::pending_payments_on(db, args.date); });
  const Instant now{std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count()};
  const auto result = app::payments::reconcile_payments(pending, [&](const auto& p) {
    return integrations::vnpay_querydr(*gateway, p, now, offset);
  });
  boost::json::array differences;
  for (const auto& d : result.differences) {
    differences.push_back(boost::json::object{
        {"payment_id", d.payment_id},
        {"dossier_id", d.dossier_id},
        {"txn_ref", d.txn_ref},
        {"amount_vnd", d.amount_vnd},
        {"ours", d.ours},
        {"kind", d.kind},
        {"gateway", boost::json::object{{"response_code", d.gateway.response_code},
                                        {"transaction_status", d.gateway.transaction_status},
                                        {"amount_vnd", d.gateway.amount_vnd},
                                        {"transaction_no", d.gateway.transaction_no},
                                        {"error", d.gateway.error}}}});
  }
  return print_json(boost::json::object{
      {"date", args.date}, {"checked", result.checked}, {"differences", std::move(differences)}});
}

}  // namespace

void add_payments_command(CLI::App& app, Action& action) {
  auto* payments = app.add_subcommand("payments", "Online fee payments");
  payments->require_subcommand(1);
  auto args = std::make_shared<ReconcileArgs>();
  auto* cmd = payments->add_subcommand(
      "reconcile", "Ask the gateway about the day's pending payments and print the differences");
  args->db.add_to(*cmd);
  args->calendar.add_to(*cmd);
  add_payment_options(*cmd, args->payment);
  cmd->add_option("--date", args->date, "The day, YYYY-MM-DD (local time)")->required();
  cmd->callback([args, &action] { action = [args] { return run_reconcile(*args); }; });
}

}  // namespace motcua::cli
