// The commands a dossier understands, one small struct each carrying exactly the data the step
// needs. A Command is the variant of them all; CommandKind names the alternative for tables,
// logs and test files.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/calendar/date.hpp"

namespace motcua::dossier {

// How a dossier came in, or how its result goes out.
enum class Channel { counter, post, online };

inline constexpr std::array kAllChannels = {Channel::counter, Channel::post, Channel::online};

std::string_view to_string(Channel channel);
std::optional<Channel> parse_channel(std::string_view name);

// Amounts are whole Vietnamese dong: the currency has no minor unit in use.
using Vnd = std::int64_t;
// The largest fee one request may ask for (100 billion dong): far above any fee of the catalogue,
// low enough that a typing slip of extra zeros is caught.
inline constexpr Vnd kMaxFeeVnd = 100'000'000'000;

// Sending. A dossier sent online gets its code now (Circular 01/2018 Art. 19, docs/rules.md), so
// the applicant can track it before reception acts; counter and post intake leave it empty, their
// code comes with the receipt in the same instant.
struct Submit {
  Channel channel = Channel::online;
  std::string dossier_code = {};
};
// Receipt: the appointment on the receipt slip, and the dossier's code (the one given when it was
// sent, when it has one).
struct Accept {
  std::string dossier_code;
  Instant due;
};
// Every missing item at once ("một lần, đầy đủ"), with why they are needed.
struct RequestSupplement {
  std::vector<std::string> missing_items;
  std::string reason;
};
struct ProvideSupplement {
  std::vector<std::string> documents;
};
struct Refuse {
  std::vector<std::string> reasons;
};
struct Assign {
  std::string official_id;
  std::string step;  // optional: the name of the workflow step
};
struct Forward {
  std::string official_id;
  std::string step;
};
struct SendBack {
  std::string official_id;
  std::string step;
  std::string reason;
};
struct Consult {
  std::string agency_code;
  std::string question;
  std::vector<std::string> shared_papers;  // ids of the dossier's papers the consulted agency sees
};
struct ReplyToConsultation {
  std::string agency_code;
  std::string summary;
};
struct RequestPayment {
  Vnd amount = 0;
  std::string description;
};
struct ConfirmPayment {
  Vnd amount = 0;
  std::string reference;  // receipt or payment-gateway transaction number
};
// The apology letter with a new appointment; it may be sent only once per dossier.
struct IssueApology {
  std::string reason;
  Instant new_due;
  // A leader's reason for a new date beyond the bound of clock/apology_bound.hpp; empty otherwise.
  std::string override_reason;
};
struct Approve {
  std::string note;
};
struct RejectAfterReview {
  std::vector<std::string> reasons;
};
struct ReturnResult {
  Channel channel = Channel::counter;
  std::string receiver_name;
};
struct RequestWithdrawal {
  std::string reason;  // optional: an applicant need not say why
};
// The applicant takes back a withdrawal request before the agency has stopped the dossier.
struct CancelWithdrawal {};
// The notice of stopping (Decree 118/2025 Art. 21) states why.
struct Stop {
  std::string reason;
};

// Alternatives are in the same order as CommandKind, so the index is the kind.
using Command = std::variant<Submit, Accept, RequestSupplement, ProvideSupplement, Refuse, Assign,
                             Forward, SendBack, Consult, ReplyToConsultation, RequestPayment,
                             ConfirmPayment, IssueApology, Approve, RejectAfterReview, ReturnResult,
                             RequestWithdrawal, CancelWithdrawal, Stop>;

enum class CommandKind {
  submit,
  accept,
  request_supplement,
  provide_supplement,
  refuse,
  assign,
  forward,
  send_back,
  consult,
  reply_to_consultation,
  request_payment,
  confirm_payment,
  issue_apology,
  approve,
  reject_after_review,
  return_result,
  request_withdrawal,
  cancel_withdrawal,
  stop,
};

inline constexpr std::array kAllCommandKinds = {
    CommandKind::submit,
    CommandKind::accept,
    CommandKind::request_supplement,
    CommandKind::provide_supplement,
    CommandKind::refuse,
    CommandKind::assign,
    CommandKind::forward,
    CommandKind::send_back,
    CommandKind::consult,
    CommandKind::reply_to_consultation,
    CommandKind::request_payment,
    CommandKind::confirm_payment,
    CommandKind::issue_apology,
    CommandKind::approve,
    CommandKind::reject_after_review,
    CommandKind::return_result,
    CommandKind::request_withdrawal,
    CommandKind::cancel_withdrawal,
    CommandKind::stop,
};
static_assert(kAllCommandKinds.size() == std::variant_size_v<Command>);

CommandKind kind_of(const Command& command);

std::string_view to_string(CommandKind kind);
std::optional<CommandKind> parse_command_kind(std::string_view name);
// What the user does, as a button or a log line would say it.
std::string_view label_vi(CommandKind kind);
std::string_view label_en(CommandKind kind);
// The snake_case type of the event a successful command records, e.g. "dossier_accepted".
std::string_view event_type(CommandKind kind);

}  // namespace motcua::dossier
