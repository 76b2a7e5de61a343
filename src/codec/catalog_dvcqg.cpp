// The national portal (dichvucong.gov.vn) formats: the parsed catalog and the flattened sample.
#include <cctype>

#include "codec/catalog_common.hpp"
#include "codec/catalog_flat_text.hpp"
#include "codec/catalog_formats.hpp"
#include "codec/catalog_json.hpp"

namespace motcua::codec::catalog_formats {

namespace json = boost::json;
namespace build = catalog_build;
using catalog::WarningKind;
using catalog_json::at;

namespace {

constexpr text::CleanOptions kMultiLine{.keep_line_breaks = true};

// Fields both portal formats share, with the same names.
void read_common_fields(const json::object& o, catalog::Procedure& p, catalog::Warnings& w) {
  p.code = catalog_json::text(o, "ma_thu_tuc", "ma_thu_tuc", w);
  p.name = catalog_json::text(o, "ten_thu_tuc", "ten_thu_tuc", w);
  p.source = catalog_json::text(o, "nguon_bo_nganh", "nguon_bo_nganh", w);
  p.decision = catalog_json::info(o, "so_quyet_dinh", "so_quyet_dinh", w);
  p.kind = catalog_json::info(o, "loai_thu_tuc", "loai_thu_tuc", w);
  p.field = catalog_json::info(o, "linh_vuc", "linh_vuc", w);
  p.applicants = catalog_json::info(o, "doi_tuong_thuc_hien", "doi_tuong_thuc_hien", w);
  p.competent_agency = catalog_json::info(o, "co_quan_co_tham_quyen", "co_quan_co_tham_quyen", w);
  p.implementing_agency = catalog_json::info(o, "co_quan_thuc_hien", "co_quan_thuc_hien", w);
  p.delegated_agency = catalog_json::info(o, "co_quan_duoc_uy_quyen", "co_quan_duoc_uy_quyen", w);
  p.coordinating_agency = catalog_json::info(o, "co_quan_phoi_hop", "co_quan_phoi_hop", w);
  p.receiving_address = catalog_json::info(o, "dia_chi_tiep_nhan", "dia_chi_tiep_nhan", w);
  p.detail_url = catalog_json::text(o, "detail_url", "detail_url", w);
}

// Channel rows split out of flattened text (the sample format, or the parsed format's raw column
// when its rows are missing).
void add_flat_channels(std::string_view flat_text, const std::string& field, catalog::Procedure& p,
                       catalog::Warnings& w) {
  const flat::ChannelRows rows = flat::split_channel_rows(flat_text);
  for (std::size_t i = 0; i < rows.rows.size(); ++i) {
    const flat::ChannelRow& r = rows.rows[i];
    const std::string row = field + "(row " + std::to_string(i) + ")";
    const build::ChannelFields fields{row + ".channel", row + ".time", row + ".fee"};
    p.channels.push_back(
        r.time_fee_merged ? build::merged_channel_row(r.channel, r.fee, r.description, fields, w)
                          : build::channel_row(r.channel, r.time, r.fee, r.description, fields, w));
  }
  if (!text::fold_vietnamese(rows.leftover).empty()) {
    catalog::warn(w, WarningKind::text_unparsed, field, rows.leftover,
                  "text before the first channel row");
  }
}

// "1100" with no fee and a description starting "VNĐ(...)": the scraper's regex took the glued
// time and fee digits as the time. Returns the currency word's length, 0 if not such a row.
std::size_t merged_currency(std::string_view time, std::string_view fee,
                            std::string_view description) {
  if (!fee.empty() || time.empty()) return 0;
  for (const char c : time) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != ',' && c != '.') return 0;
  }
  for (const std::string_view currency : {"Việt Nam Đồng", "VNĐ", "VND", "USD", "Đồng"}) {
    if (description.substr(0, currency.size()) == currency) return currency.size();
  }
  return 0;
}

void read_parsed_channels(const json::object& o, catalog::Procedure& p, catalog::Warnings& w) {
  const json::array* rows = catalog_json::array(o, "cach_thuc_thuc_hien", "cach_thuc_thuc_hien", w);
  for (std::size_t i = 0; rows != nullptr && i < rows->size(); ++i) {
    const std::string path = at("cach_thuc_thuc_hien", i);
    if (!(*rows)[i].is_object()) {
      catalog::warn(w, WarningKind::field_type, path, json::serialize((*rows)[i]),
                    "a channel row must be an object; skipped");
      continue;
    }
    const json::object& r = (*rows)[i].get_object();
    const std::string channel = catalog_json::text(r, "hinh_thuc", path + ".hinh_thuc", w);
    const std::string time = catalog_json::text(r, "thoi_han_raw", path + ".thoi_han_raw", w);
    const std::string fee = catalog_json::text(r, "phi_raw", path + ".phi_raw", w);
    const std::string description = catalog_json::text(r, "mo_ta", path + ".mo_ta", w, kMultiLine);
    const build::ChannelFields fields{path + ".hinh_thuc", path + ".thoi_han_raw",
                                      path + ".phi_raw"};
    if (const std::size_t currency = merged_currency(time, fee, description)) {
      p.channels.push_back(build::merged_channel_row(channel,
                                                     time + " " + description.substr(0, currency),
                                                     description.substr(currency), fields, w));
    } else {
      p.channels.push_back(build::channel_row(channel, time, fee, description, fields, w));
    }
  }
  if (p.channels.empty()) {
    const std::string flat_text =
        catalog_json::text(o, "cach_thuc_thuc_hien_raw", "cach_thuc_thuc_hien_raw", w, kMultiLine);
    add_flat_channels(flat_text, "cach_thuc_thuc_hien_raw", p, w);
    if (!p.channels.empty()) {
      catalog::warn(w, WarningKind::channel_recovered, "cach_thuc_thuc_hien_raw", flat_text,
                    "no parsed channel rows; split from the raw text");
    }
  }
}

void read_parsed_papers(const json::object& o, catalog::Procedure& p, catalog::Warnings& w) {
  const json::array* groups = catalog_json::array(o, "thanh_phan_ho_so", "thanh_phan_ho_so", w);
  if (groups == nullptr) {
    catalog::warn(w, WarningKind::papers_missing, "thanh_phan_ho_so", "", "no list of papers");
    return;
  }
  for (std::size_t g = 0; g < groups->size(); ++g) {
    const std::string path = at("thanh_phan_ho_so", g);
    if (!(*groups)[g].is_object()) {
      catalog::warn(w, WarningKind::field_type, path, json::serialize((*groups)[g]),
                    "a group of papers must be an object; skipped");
      continue;
    }
    const json::object& group = (*groups)[g].get_object();
    catalog::CaseVariant variant;
    variant.name = catalog_json::info(group, "truong_hop", path + ".truong_hop", w);
    const json::array* papers = catalog_json::array(group, "giay_to", path + ".giay_to", w);
    std::vector<build::PaperRow> rows;
    for (std::size_t i = 0; papers != nullptr && i < papers->size(); ++i) {
      const std::string ppath = at(path + ".giay_to", i);
      if (!(*papers)[i].is_object()) {
        catalog::warn(w, WarningKind::field_type, ppath, json::serialize((*papers)[i]),
                      "a paper must be an object; skipped");
        continue;
      }
      const json::object& paper = (*papers)[i].get_object();
      rows.push_back({catalog_json::text(paper, "ten_giay_to", ppath + ".ten_giay_to", w),
                      catalog_json::text(paper, "mau_don", ppath + ".mau_don", w),
                      catalog_json::text(paper, "so_luong", ppath + ".so_luong", w), ppath});
    }
    for (build::PaperRow& row : build::join_bracket_splits(std::move(rows), w)) {
      const build::PaperFields fields{row.path + ".ten_giay_to", row.path + ".so_luong"};
      if (build::rejoin_count_row(variant.papers, row.name, row.count, fields, w)) continue;
      std::vector<std::string> forms;
      if (!row.form.empty()) forms.push_back(std::move(row.form));
      variant.papers.push_back(build::paper(row.name, std::move(forms), row.count, fields, w));
    }
    p.cases.push_back(std::move(variant));
  }
}

std::vector<std::string> level_names(const json::object& o, catalog::Warnings& w) {
  std::vector<std::string> names;
  const json::value* v = catalog_json::find(o, "cap_thuc_hien");
  if (v != nullptr && v->is_string()) {
    names.push_back(catalog_json::text(o, "cap_thuc_hien", "cap_thuc_hien", w));
  } else if (const json::array* list =
                 catalog_json::array(o, "cap_thuc_hien", "cap_thuc_hien", w)) {
    for (const json::value& item : *list) {
      if (item.is_string()) {
        names.push_back(text::clean_text(std::string_view(item.get_string())));
      }
    }
  }
  return names;
}

}  // namespace

catalog::Procedure read_dvcqg_parsed(const json::object& o, catalog::Warnings& w) {
  catalog::Procedure p;
  read_common_fields(o, p, w);
  build::set_levels(p, level_names(o, w), "cap_thuc_hien", w);
  p.result = catalog_json::info(o, "ket_qua_xu_ly_raw", "ket_qua_xu_ly_raw", w, kMultiLine);
  read_parsed_channels(o, p, w);
  read_parsed_papers(o, p, w);
  build::finish(p, w);
  return p;
}

catalog::Procedure read_dvcqg_flat(const json::object& o, catalog::Warnings& w) {
  catalog::Procedure p;
  read_common_fields(o, p, w);
  build::set_levels(p, level_names(o, w), "cap_thuc_hien", w);
  p.result = catalog_json::info(o, "ket_qua_xu_ly", "ket_qua_xu_ly", w, kMultiLine);
  p.steps = catalog_json::info(o, "trinh_tu_thuc_hien", "trinh_tu_thuc_hien", w, kMultiLine);
  p.requirements = catalog_json::info(o, "yeu_cau_dieu_kien", "yeu_cau_dieu_kien", w, kMultiLine);
  add_flat_channels(
      catalog_json::text(o, "cach_thuc_thuc_hien", "cach_thuc_thuc_hien", w, kMultiLine),
      "cach_thuc_thuc_hien", p, w);

  const std::string papers_text = catalog_json::text(o, "thanh_phan_ho_so", "thanh_phan_ho_so", w);
  const flat::PaperGroups groups = flat::split_paper_groups(papers_text);
  if (groups.groups.empty()) {
    catalog::warn(w, WarningKind::papers_missing, "thanh_phan_ho_so", papers_text,
                  "no list of papers");
  }
  for (std::size_t g = 0; g < groups.groups.size(); ++g) {
    catalog::CaseVariant variant{groups.groups[g].case_name, {}};
    for (std::size_t i = 0; i < groups.groups[g].papers.size(); ++i) {
      const flat::PaperCell& cell = groups.groups[g].papers[i];
      const std::string cell_path =
          "thanh_phan_ho_so(group " + std::to_string(g) + ", paper " + std::to_string(i) + ")";
      variant.papers.push_back(
          build::paper(cell.name, {}, cell.count, {cell_path + ".name", cell_path + ".count"}, w));
    }
    p.cases.push_back(std::move(variant));
  }
  if (!groups.leftover.empty()) {
    catalog::warn(w, WarningKind::text_unparsed, "thanh_phan_ho_so", groups.leftover,
                  "text after the last paper count");
  }

  const std::string legal_text = catalog_json::info(o, "can_cu_phap_ly", "can_cu_phap_ly", w);
  const flat::LegalCells legal = flat::split_legal_documents(legal_text);
  for (const flat::LegalCell& d : legal.documents) {
    p.legal_basis.push_back({d.number, d.title, std::nullopt, {}});
  }
  if (!legal.leftover.empty()) {
    catalog::warn(w, WarningKind::legal_basis_unparsed, "can_cu_phap_ly", legal.leftover,
                  "text without a document number after it");
  }
  build::finish(p, w);
  return p;
}

}  // namespace motcua::codec::catalog_formats
