#include "api/json/personal_data_json.hpp"

#include <boost/json.hpp>

#include "api/json/dossier_json.hpp"
#include "api/json/notifications_json.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

json::object account_json(const store::AccountDataRow& a) {
  return {{"id", a.id},
          {"username", a.username},
          {"kind", a.kind},
          {"display_name", a.display_name},
          {"id_number", a.id_number},
          {"email", a.email},
          {"phone", a.phone},
          {"disabled", a.disabled},
          {"created_at", a.created_at}};
}

json::array identities_json(const std::vector<store::IdentityLinkRow>& rows) {
  json::array out;
  for (const auto& i : rows)
    out.push_back(json::object{{"issuer", i.issuer},
                               {"subject", i.subject},
                               {"id_number", i.id_number},
                               {"linked_at", i.linked_at},
                               {"last_login_at", i.last_login_at}});
  return out;
}

json::array payments_json(const std::vector<store::PaymentRow>& rows) {
  json::array out;
  for (const auto& p : rows)
    out.push_back(json::object{{"id", p.id},
                               {"method", p.method},
                               {"txn_ref", p.txn_ref},
                               {"amount_vnd", p.amount_vnd},
                               {"state", p.state},
                               {"created_at", p.created_at},
                               {"updated_at", p.updated_at},
                               {"gateway_txn_no", p.gateway_txn_no},
                               {"bank_code", p.bank_code}});
  return out;
}

json::value rating_json(const std::optional<store::RatingRecord>& r) {
  if (!r) return nullptr;
  return json::object{{"overall", r->overall}, {"contacts", r->contacts},
                      {"bodies", r->bodies},   {"attitude", r->attitude},
                      {"comment", r->comment}, {"rated_at", r->rated_at}};
}

json::array notices_json(const std::vector<store::NoticeRow>& rows) {
  json::array out;
  for (const auto& n : rows) {
    // The stored message as queued: recipient, template and its parameters.
    boost::system::error_code ec;
    json::value message = json::parse(n.payload, ec);
    if (ec || !message.is_object()) message = json::object{};
    out.push_back(json::object{{"channel", n.topic},
                               {"state", n.state},
                               {"created_at", n.created_at},
                               {"updated_at", n.updated_at},
                               {"message", std::move(message)}});
  }
  return out;
}

json::array stored_papers_json(const std::vector<store::StoredPaperRecord>& rows) {
  json::array out;
  for (const auto& p : rows)
    out.push_back(json::object{{"id", p.id},
                               {"name", p.name},
                               {"file_name", p.file_name},
                               {"content_type", p.content_type},
                               {"size", p.size},
                               {"sha256", p.sha256},
                               {"source_dossier_id", p.source_dossier_id},
                               {"kept_at", p.kept_at},
                               {"valid_until", p.valid_until}});
  return out;
}

json::array feedback_json(const std::vector<store::FeedbackDataRow>& rows) {
  json::array out;
  for (const auto& f : rows)
    out.push_back(json::object{{"code", f.code},
                               {"name", f.name},
                               {"contact", f.contact},
                               {"procedure_code", f.procedure_code},
                               {"procedure_name", f.procedure_name},
                               {"content", f.content},
                               {"status", f.status},
                               {"received_at", f.received_at},
                               {"answer", f.answer}});
  return out;
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& out, const PersonalDataExport& data) {
  json::array dossiers;
  for (std::size_t i = 0; i < data.dossiers.size(); ++i) {
    const auto& extras = data.dossier_extras.at(i);
    dossiers.push_back(json::object{{"dossier", json::value_from(data.dossiers[i])},
                                    {"payments", payments_json(extras.payments)},
                                    {"rating", rating_json(extras.rating)},
                                    {"notices", notices_json(extras.notices)}});
  }
  out =
      json::object{{"generated_at", data.generated_at},
                   {"legal_basis_vi", data.legal_basis_vi},
                   {"legal_basis_en", data.legal_basis_en},
                   {"account", account_json(data.account)},
                   {"identities", identities_json(data.identities)},
                   {"notification_preferences",
                    data.notification_preferences ? json::value_from(*data.notification_preferences)
                                                  : json::value(nullptr)},
                   {"dossiers", std::move(dossiers)},
                   {"stored_papers", stored_papers_json(data.stored_papers)},
                   {"feedback", feedback_json(data.feedback)}};
}

}  // namespace motcua::app
