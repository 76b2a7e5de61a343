#include "api/json/paper_store_json.hpp"

#include <boost/json.hpp>

#include "codec/json_fields.hpp"

namespace json = boost::json;

namespace motcua::store {

void tag_invoke(json::value_from_tag, json::value& out, const StoredPaperRecord& p) {
  out = json::object{
      {"id", p.id},
      {"paper_id", p.catalog_paper_id},
      {"name", p.name},
      {"file_name", p.file_name},
      {"content_type", p.content_type},
      {"size", p.size},
      {"sha256", p.sha256},
      {"source_dossier_id", p.source_dossier_id},
      {"source_paper_id", p.source_paper_id},
      {"kept_at", p.kept_at},
      {"valid_until", p.valid_until.empty() ? json::value(nullptr) : json::value(p.valid_until)},
      {"download_url", "/api/v1/my/papers/" + p.id + "/file"}};
}

}  // namespace motcua::store

namespace motcua::app {

void tag_invoke(json::value_from_tag, json::value& out, const MyPapers& v) {
  json::array papers;
  for (const auto& p : v.papers) papers.push_back(json::value_from(p));
  out = json::object{{"papers", std::move(papers)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const RemovedPaper& v) {
  out = json::object{{"id", v.id}, {"removed", true}};
}

}  // namespace motcua::app

namespace motcua::api {

namespace {

app::AppError field_error(const std::string& code, const std::string& vi, const std::string& en,
                          const std::string& detail) {
  return app::AppError{app::ErrorKind::invalid_input, code, vi, en, detail};
}

bool is_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

}  // namespace

app::AppResult<app::KeepPaperInput> keep_paper_from_json(const json::value& body) {
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  app::KeepPaperInput in{codec::text_field(o, "dossier_id"), codec::text_field(o, "paper_id"),
                         codec::text_field(o, "name"), codec::text_field(o, "valid_until")};
  if (in.dossier_id.empty() || in.paper_id.empty()) {
    return tl::unexpected(field_error(
        "paper_required", "Cần cho biết giấy tờ nào của hồ sơ nào (dossier_id, paper_id).",
        "Say which paper of which dossier (dossier_id, paper_id).",
        "'dossier_id' and 'paper_id' are required"));
  }
  if (!in.valid_until.empty() && !is_iso_date(in.valid_until)) {
    return tl::unexpected(field_error("valid_until_invalid",
                                      "Ngày hết hạn (valid_until) phải có dạng YYYY-MM-DD.",
                                      "The expiry date (valid_until) must be YYYY-MM-DD.",
                                      "'valid_until': '" + in.valid_until + "'"));
  }
  return in;
}

app::AppResult<std::string> rename_paper_from_json(const json::value& body) {
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  return codec::text_field(body.as_object(), "name");
}

app::AppResult<app::ReusePaperInput> reuse_paper_from_json(const json::value& body) {
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  app::ReusePaperInput in{codec::text_field(o, "stored_paper_id"),
                          codec::text_field(o, "paper_id")};
  if (in.stored_paper_id.empty()) {
    return tl::unexpected(
        field_error("stored_paper_required", "Cần chọn giấy tờ đã lưu (stored_paper_id).",
                    "Choose a saved paper (stored_paper_id).", "'stored_paper_id' is required"));
  }
  return in;
}

}  // namespace motcua::api
