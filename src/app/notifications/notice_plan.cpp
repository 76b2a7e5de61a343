#include "app/notifications/notice_plan.hpp"

#include <cctype>
#include <cstdio>

#include "domain/dossier/status.hpp"

namespace motcua::app::notifications {

namespace {

using dossier::CommandKind;

// The public tracking page of the dossier, with its secret: the code alone opens nothing.
std::string tracking_path(const std::string& code, const std::string& secret) {
  return "/track?code=" + code + "&secret=" + secret;
}

// The parameters every notice of a dossier carries.
PlannedNotice base(const std::string& key, bool required, const dossier::Event& e,
                   const DossierFacts& f) {
  PlannedNotice n;
  n.template_key = key;
  n.required = required;
  n.status = std::string(dossier::to_string(e.to));
  n.params = {{"applicant_name", f.applicant_name},
              {"dossier_code", f.dossier_code},
              {"procedure_name", f.procedure_name},
              {"agency_name", f.agency_name},
              // A path: the adapter puts the installation's public origin in front.
              {"tracking_url", tracking_path(f.dossier_code, f.tracking_secret)}};
  return n;
}

}  // namespace

std::string notice_date(const calendar::WorkingCalendar& cal, Instant at) {
  const auto ymd = ymd_of(cal.local(at).date);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", ymd.day, ymd.month, ymd.year);
  return buffer;
}

std::optional<PlannedNotice> notice_for(const dossier::Event& e, const DossierFacts& f,
                                        const calendar::WorkingCalendar& cal) {
  switch (dossier::kind_of(e.command)) {
    case CommandKind::accept: {
      auto n = base("dossier_received", false, e, f);
      const auto& c = std::get<dossier::Accept>(e.command);
      if (!c.dossier_code.empty()) {
        n.params["dossier_code"] = c.dossier_code;
        n.params["tracking_url"] = tracking_path(c.dossier_code, f.tracking_secret);
      }
      n.params["received_date"] = notice_date(cal, e.at);
      n.params["due_date"] = notice_date(cal, c.due);
      return n;
    }
    case CommandKind::request_supplement: {
      auto n = base("supplement_requested", true, e, f);
      const auto& c = std::get<dossier::RequestSupplement>(e.command);
      n.list_params["papers"] = c.missing_items;
      n.params["reasons"] = c.reason;
      return n;
    }
    case CommandKind::request_payment: {
      auto n = base("fee_due", true, e, f);
      n.params["amount_vnd"] = std::to_string(std::get<dossier::RequestPayment>(e.command).amount);
      n.params["pay_url"] = "/dossiers/" + f.dossier_id;
      return n;
    }
    case CommandKind::issue_apology: {
      auto n = base("apology", true, e, f);
      const auto& c = std::get<dossier::IssueApology>(e.command);
      n.params["reasons"] = c.reason;
      if (f.first_due) n.params["due_date"] = notice_date(cal, *f.first_due);
      n.params["new_due_date"] = notice_date(cal, c.new_due);
      return n;
    }
    case CommandKind::approve:
      return base("result_ready", false, e, f);
    case CommandKind::return_result:
      return base("result_returned", false, e, f);
    case CommandKind::refuse: {
      auto n = base("dossier_refused", true, e, f);
      n.list_params["reasons"] = std::get<dossier::Refuse>(e.command).reasons;
      return n;
    }
    case CommandKind::reject_after_review: {
      auto n = base("dossier_refused", true, e, f);
      n.list_params["reasons"] = std::get<dossier::RejectAfterReview>(e.command).reasons;
      return n;
    }
    default:
      return std::nullopt;
  }
}

std::string clean_email(const std::string& text) {
  std::string out;
  for (unsigned char c : text)
    if (!std::isspace(c)) out += static_cast<char>(c);
  const auto at = out.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == out.size() ||
      out.find('@', at + 1) != std::string::npos ||
      out.find_first_of("<>,;\"") != std::string::npos)
    return {};
  return out;
}

std::string clean_phone(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isdigit(c) || (c == '+' && out.empty())) {
      out += static_cast<char>(c);
    } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
      return {};
    }
  }
  const bool national = out.size() >= 10 && out.size() <= 11 && out[0] == '0';
  const bool international = out.rfind("+84", 0) == 0 && out.size() >= 11 && out.size() <= 13;
  return national || international ? out : std::string();
}

std::vector<ChannelRow> channels_for(const PlannedNotice& notice, const Contacts& contacts,
                                     const Preferences& p) {
  if (!notice.required && !p.optional_on) return {};
  const std::string email = clean_email(contacts.email);
  const std::string phone = clean_phone(contacts.phone);
  auto rows = [&](bool mail, bool sms, bool zalo) {
    std::vector<ChannelRow> out;
    if (mail && !email.empty()) out.push_back({"mail", email});
    if (sms && !phone.empty()) out.push_back({"sms", phone});
    if (zalo && !phone.empty()) out.push_back({"zalo", phone});
    return out;
  };
  auto chosen = rows(p.mail, p.sms, p.zalo);
  // The law's notices must reach the applicant: with no chosen channel to carry one, every
  // channel with a contact does.
  if (chosen.empty() && notice.required) chosen = rows(true, true, true);
  return chosen;
}

}  // namespace motcua::app::notifications
