#include "integrations/national_portal/portal_client.hpp"

#include <boost/json.hpp>

#include "integrations/http/http_client.hpp"
#include "integrations/national_portal/portal_adapter.hpp"

namespace motcua::integrations {

namespace {

namespace json = boost::json;

std::string text_of(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::int64_t integer_of(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

// The "dossiers" array of a portal answer.
tl::expected<json::array, std::string> dossiers_of(const std::string& body) {
  boost::system::error_code ec;
  auto value = json::parse(body, ec);
  if (ec || !value.is_object()) return tl::unexpected(std::string("the answer is not JSON"));
  auto* list = value.as_object().if_contains("dossiers");
  if (!list || !list->is_array())
    return tl::unexpected(std::string("the answer has no \"dossiers\" list"));
  return std::move(list->as_array());
}

tl::expected<std::string, std::string> get(const std::string& url) {
  HttpRequest request;
  request.method = "GET";
  request.url = url;
  request.total_timeout = std::chrono::milliseconds(60000);
  request.max_response_bytes = std::size_t{256} << 20;  // a province's whole list
  const auto answer = http_send(request);
  if (!answer.answered()) return tl::unexpected("no answer from " + url + ": " + answer.error);
  if (!answer.ok()) return tl::unexpected(url + " answered HTTP " + std::to_string(answer.status));
  return answer.body;
}

}  // namespace

tl::expected<std::vector<app::portal::InboundDossier>, std::string> parse_portal_inbound(
    const std::string& body) {
  auto list = dossiers_of(body);
  if (!list) return tl::unexpected(list.error());
  std::vector<app::portal::InboundDossier> out;
  for (const auto& item : *list) {
    if (!item.is_object()) return tl::unexpected(std::string("a dossier is not an object"));
    const auto& o = item.as_object();
    app::portal::InboundDossier d;
    d.portal_code = text_of(o, "MaHoSoDVCQG");
    d.seq = integer_of(o, "seq");
    d.procedure_code = text_of(o, "MaTTHC");
    d.agency_code = text_of(o, "MaDonVi");
    d.variant = text_of(o, "TruongHop");
    if (const auto* a = o.if_contains("ChuHoSo"); a && a->is_object()) {
      const auto& applicant = a->as_object();
      d.applicant = {text_of(applicant, "HoTen"), text_of(applicant, "SoGiayTo"),
                     text_of(applicant, "DiaChi"), text_of(applicant, "SoDienThoai"),
                     text_of(applicant, "Email")};
    }
    if (const auto* papers = o.if_contains("GiayTo"); papers && papers->is_array()) {
      for (const auto& p : papers->as_array())
        if (p.is_string()) d.papers.emplace_back(p.as_string());
    }
    if (d.portal_code.empty() || d.seq <= 0)
      return tl::unexpected(std::string("a dossier has no MaHoSoDVCQG or seq"));
    out.push_back(std::move(d));
  }
  return out;
}

tl::expected<std::vector<app::portal::HeldRecord>, std::string> parse_portal_records(
    const std::string& body) {
  auto list = dossiers_of(body);
  if (!list) return tl::unexpected(list.error());
  std::vector<app::portal::HeldRecord> out;
  for (const auto& item : *list) {
    if (!item.is_object()) return tl::unexpected(std::string("a record is not an object"));
    const auto& o = item.as_object();
    out.push_back({text_of(o, "MaHoSo"), static_cast<int>(integer_of(o, "TrangThaiHoSo")),
                   text_of(o, "NgayHenTra")});
  }
  return out;
}

tl::expected<std::vector<app::portal::InboundDossier>, std::string> fetch_portal_inbound(
    const std::string& base_url, std::int64_t since) {
  auto body = get(portal_url(base_url, "inbound?since=" + std::to_string(since)));
  if (!body) return tl::unexpected(body.error());
  return parse_portal_inbound(*body);
}

tl::expected<std::vector<app::portal::HeldRecord>, std::string> fetch_portal_records(
    const std::string& base_url) {
  auto body = get(portal_url(base_url, "dossiers"));
  if (!body) return tl::unexpected(body.error());
  return parse_portal_records(*body);
}

}  // namespace motcua::integrations
