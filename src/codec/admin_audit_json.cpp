#include "codec/admin_audit_json.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

namespace json = boost::json;

namespace {

json::object names_json(const AuditAgencyNames& a) {
  return {{"code", a.code}, {"name", a.name}, {"name_en", a.name_en}};
}

json::object unit_json(const AuditUnit& u) {
  return {{"id", u.id},
          {"agency_id", u.agency_id},
          {"name", u.name},
          {"name_en", u.name_en},
          {"address", u.address}};
}

}  // namespace

std::string agency_change_details(const AuditAgencyNames& before, const AuditAgencyNames& after) {
  return json::serialize(
      json::object{{"before", names_json(before)}, {"after", names_json(after)}});
}

std::string unit_change_details(const std::optional<AuditUnit>& before, const AuditUnit& after) {
  return json::serialize(
      json::object{{"before", before ? json::value(unit_json(*before)) : json::value(nullptr)},
                   {"after", unit_json(after)}});
}

std::string official_created_details(const std::string& username, const std::string& display_name,
                                     const std::vector<AuditGrant>& grants) {
  json::array listed;
  for (const auto& g : grants) {
    listed.push_back(json::object{{"role", g.role}, {"agency_id", g.agency_id}});
  }
  return json::serialize(json::object{
      {"username", username}, {"display_name", display_name}, {"grants", std::move(listed)}});
}

std::string official_change_details(const std::string& name_before, bool disabled_before,
                                    const std::string& name_after, bool disabled_after) {
  return json::serialize(json::object{
      {"before", json::object{{"display_name", name_before}, {"disabled", disabled_before}}},
      {"after", json::object{{"display_name", name_after}, {"disabled", disabled_after}}}});
}

std::string grant_details(const AuditGrant& grant) {
  return json::serialize(json::object{{"role", grant.role}, {"agency_id", grant.agency_id}});
}

std::string process_saved_details(std::int64_t version, std::int64_t steps) {
  return json::serialize(json::object{{"version", version}, {"steps", steps}});
}

std::string import_details(const std::string& source,
                           const std::vector<std::pair<std::string, std::int64_t>>& counts) {
  json::object out{{"source", source}};
  for (const auto& [name, count] : counts) out[name] = count;
  return json::serialize(out);
}

std::string login_details(const std::string& username, const std::string& client_address) {
  return json::serialize(json::object{{"username", username}, {"client_address", client_address}});
}

std::optional<std::int64_t> setting_change_before(const std::string& details) {
  boost::system::error_code ec;
  const auto parsed = json::parse(details, ec);
  if (ec || !parsed.is_object()) return std::nullopt;
  const auto* before = parsed.as_object().if_contains("before");
  if (before == nullptr || !before->is_int64()) return std::nullopt;
  return before->as_int64();
}

std::string login_refusal_details(const std::string& username, const std::string& client_address,
                                  std::int64_t suppressed) {
  return json::serialize(json::object{
      {"username", username}, {"client_address", client_address}, {"suppressed", suppressed}});
}

std::string shared_paper_opened_details(const std::string& paper_id, const std::string& paper_name,
                                        const std::string& file_name,
                                        const std::string& consultation_id,
                                        const std::string& agency_id) {
  return json::serialize(json::object{{"paper_id", paper_id},
                                      {"paper_name", paper_name},
                                      {"file_name", file_name},
                                      {"consultation_id", consultation_id},
                                      {"agency_id", agency_id}});
}

}  // namespace motcua::codec
