// Every JSON request body the API decodes (src/api/json/*, codec/command_json): the input is a
// body as a client sends it, parsed as api::parse_body does, then handed to every decoder. A
// decoder must answer a value or an AppError, whatever the shape: an exception here would be a 500
// on the wire, and a sanitizer report a memory or arithmetic bug.
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "api/json/accounts_json.hpp"
#include "api/json/admin_json.hpp"
#include "api/json/calendar_json.hpp"
#include "api/json/consultation_json.hpp"
#include "api/json/dossier_json.hpp"
#include "api/json/engagement_json.hpp"
#include "api/json/exchange_json.hpp"
#include "api/json/notifications_json.hpp"
#include "api/json/open311_json.hpp"
#include "api/json/outbox_json.hpp"
#include "api/json/paper_store_json.hpp"
#include "api/json/password_json.hpp"
#include "api/json/payments_json.hpp"
#include "api/json/postal_json.hpp"
#include "api/json/queue_json.hpp"
#include "api/json/second_factor_json.hpp"
#include "api/json/setup_json.hpp"
#include "api/json/signup_json.hpp"
#include "api/json/statistics_json.hpp"
#include "api/json/track_lookup_json.hpp"
#include "api/json/warnings_json.hpp"
#include "codec/command_json.hpp"
#include "domain/dossier/commands.hpp"
#include "support/webhook_decoders.hpp"

using namespace motcua;

namespace {

void decode_everything(const boost::json::value& body) {
  (void)api::login_request_from_json(body);
  (void)api::agency_edit_from_json(body);
  (void)api::unit_edit_from_json(body);
  (void)api::new_unit_from_json(body);
  (void)api::new_official_from_json(body);
  (void)api::official_edit_from_json(body);
  (void)api::local_terms_draft_from_json(body);
  (void)api::process_draft_from_json(body);
  (void)api::process_draft_from_json(body, "quy-trinh-1");
  (void)api::submitted_year_from_json(body);
  (void)api::consultation_answer_from_json(body);
  app::Actor applicant{"citizen-1", "Nguyễn Văn A", true, {}};
  (void)api::new_dossier_from_json(body, applicant);
  app::Actor official{"official-1",
                      "Trần Thị B",
                      false,
                      {app::RoleGrant{dossier::Role::reception, "commune-00001"}}};
  (void)api::new_dossier_from_json(body, official);
  (void)api::received_papers_from_json(&body);
  if (const auto* object = body.if_object()) {
    (void)api::received_papers_from_json(object->if_contains("papers_received"));
  }
  (void)api::draft_changes_from_json(body);
  (void)api::override_reason_from_json(body);
  (void)api::feedback_from_json(body);
  (void)api::answer_from_json(body);
  (void)api::rating_from_json(body);
  (void)api::partner_input_from_json(body);
  (void)api::partner_key_input_from_json(body);
  (void)api::preferences_from_json(body);
  (void)api::open311_key_label_from_json(body);
  (void)api::outbox_reason_from_json(body);
  (void)api::keep_paper_from_json(body);
  (void)api::rename_paper_from_json(body);
  (void)api::reuse_paper_from_json(body);
  (void)api::password_change_from_json(body);
  (void)api::password_reset_from_json(body);
  (void)api::counter_payment_from_json(body);
  (void)api::refund_note_from_json(body);
  (void)api::postal_choice_from_json(body);
  (void)api::postal_callback_from_json(body);
  (void)api::queue_service_from_json(body);
  (void)api::queue_counter_from_json(body);
  (void)api::queue_service_change_from_json(body);
  (void)api::queue_counter_change_from_json(body);
  (void)api::ticket_request_from_json(body);
  (void)api::ticket_outcome_from_json(body);
  (void)api::second_factor_code_from_json(body);
  (void)api::role_requirement_from_json(body);
  (void)api::reason_from_json(body);
  (void)api::setup_request_from_json(body);
  (void)api::sign_up_from_json(body);
  (void)api::address_code_from_json(body);
  (void)api::reset_request_from_json(body);
  (void)api::code_reset_from_json(body);
  (void)app::index_766_input_from_json(body);
  (void)api::own_dossier_lookup_from_json(body);
  (void)api::warning_hours_from_json(body);
  fuzz::decode_webhook_bodies(body);
  // The dossier commands (POST /api/v1/dossiers/{id}/{command}), Vietnamese time as the server.
  for (const auto kind : dossier::kAllCommandKinds) {
    (void)codec::command_from_json(kind, body, 7 * 60);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Open311's form bodies are read as text, not JSON.
  (void)api::open311_submission_from_form(text);
  boost::system::error_code ec;
  auto body = boost::json::parse(text, ec);
  if (!ec) decode_everything(body);
  return 0;
}
