// The Ministry of Defence format (Bộ Quốc phòng): records extracted from the national portal's
// ChiTietTTHC_<code>.doc export, with real table columns. Keys are Vietnamese ("mã_thủ_tục") and
// are looked up by their folded form.
#include <charconv>

#include "codec/catalog_common.hpp"
#include "codec/catalog_formats.hpp"
#include "codec/catalog_json.hpp"
#include "domain/catalog/paper_text.hpp"

namespace motcua::codec::catalog_formats {

namespace json = boost::json;
namespace build = catalog_build;
using catalog::WarningKind;
using catalog_json::at;

namespace {

constexpr text::CleanOptions kMultiLine{.keep_line_breaks = true};

// "24-03-2021" or "24/03/2021".
std::optional<Date> parse_day_month_year(std::string_view s) {
  if (s.size() != 10 || (s[2] != '-' && s[2] != '/') || s[5] != s[2]) return std::nullopt;
  int day = 0;
  int month = 0;
  int year = 0;
  const auto read = [&](std::size_t from, std::size_t length, int& out) {
    const auto [end, ec] = std::from_chars(s.data() + from, s.data() + from + length, out);
    return ec == std::errc() && end == s.data() + from + length;
  };
  if (!read(0, 2, day) || !read(3, 2, month) || !read(6, 4, year)) return std::nullopt;
  if (!is_valid_ymd(year, month, day)) return std::nullopt;
  return date_from_ymd(year, month, day);
}

std::vector<std::string> lines_of(std::string_view s) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto end = std::min(s.find('\n', start), s.size());
    std::string line = text::clean_text(s.substr(start, end - start));
    if (!line.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

void read_channels(const json::object& tables, catalog::Procedure& p, catalog::Warnings& w) {
  const std::string base = "tables.hinh_thuc_nop";
  const json::array* rows = catalog_json::array(tables, "hinh_thuc_nop", base, w);
  for (std::size_t i = 0; rows != nullptr && i < rows->size(); ++i) {
    const std::string path = at(base, i);
    if (!(*rows)[i].is_object()) {
      catalog::warn(w, WarningKind::field_type, path, json::serialize((*rows)[i]),
                    "a channel row must be an object; skipped");
      continue;
    }
    const json::object& r = (*rows)[i].get_object();
    const build::ChannelFields fields{path + ".hinh_thuc", path + ".thoi_han_giai_quyet",
                                      path + ".phi_le_phi"};
    p.channels.push_back(build::channel_row(
        catalog_json::text(r, "hinh_thuc", fields.channel, w),
        catalog_json::text(r, "thoi_han_giai_quyet", fields.time, w),
        catalog_json::text(r, "phi_le_phi", fields.fee, w, kMultiLine),
        catalog_json::text(r, "mo_ta", path + ".mo_ta", w, kMultiLine), fields, w));
  }
}

// Papers: "so_luong" holds template file names (one per line) and "ghi_chu" the counts
// ("Bản chính: 1\nBản sao: 0").
void read_papers(const json::object& tables, catalog::Procedure& p, catalog::Warnings& w) {
  const std::string base = "tables.thanh_phan_ho_so";
  const json::array* rows = catalog_json::array(tables, "thanh_phan_ho_so", base, w);
  if (rows == nullptr || rows->empty()) {
    catalog::warn(w, WarningKind::papers_missing, base, "", "no list of papers");
    return;
  }
  catalog::CaseVariant variant;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const std::string path = at(base, i);
    if (!(*rows)[i].is_object()) {
      catalog::warn(w, WarningKind::field_type, path, json::serialize((*rows)[i]),
                    "a paper must be an object; skipped");
      continue;
    }
    const json::object& r = (*rows)[i].get_object();
    const std::string name = catalog_json::text(r, "ten_giay_to", path + ".ten_giay_to", w);
    const std::string quantity =
        catalog_json::text(r, "so_luong", path + ".so_luong", w, kMultiLine);
    const std::string note = catalog_json::text(r, "ghi_chu", path + ".ghi_chu", w, kMultiLine);
    std::vector<std::string> forms;
    std::string count = note;
    std::string count_field = path + ".ghi_chu";
    if (catalog::read_copy_count(quantity).parsed) {
      count = quantity;  // the count is where it belongs
      count_field = path + ".so_luong";
    } else if (!quantity.empty()) {
      forms = lines_of(quantity);
      catalog::warn(w, WarningKind::paper_form_in_count, path + ".so_luong", quantity,
                    "template file names in the quantity column; read as forms");
    }
    variant.papers.push_back(
        build::paper(name, std::move(forms), count, {path + ".ten_giay_to", count_field}, w));
  }
  p.cases.push_back(std::move(variant));
}

void read_legal_basis(const json::object& tables, catalog::Procedure& p, catalog::Warnings& w) {
  const std::string base = "tables.can_cu_phap_ly";
  const json::array* rows = catalog_json::array(tables, "can_cu_phap_ly", base, w);
  for (std::size_t i = 0; rows != nullptr && i < rows->size(); ++i) {
    const std::string path = at(base, i);
    if (!(*rows)[i].is_object()) {
      catalog::warn(w, WarningKind::field_type, path, json::serialize((*rows)[i]),
                    "a legal document must be an object; skipped");
      continue;
    }
    const json::object& r = (*rows)[i].get_object();
    catalog::LegalBasis b;
    b.number = catalog_json::text(r, "so_ky_hieu", path + ".so_ky_hieu", w);
    b.title = catalog_json::text(r, "trich_yeu", path + ".trich_yeu", w);
    b.issuer = catalog_json::info(r, "co_quan_ban_hanh", path + ".co_quan_ban_hanh", w);
    const std::string issued = catalog_json::text(r, "ngay_ban_hanh", path + ".ngay_ban_hanh", w);
    b.issued = parse_day_month_year(issued);
    if (!b.issued && !issued.empty()) {
      catalog::warn(w, WarningKind::date_unparsed, path + ".ngay_ban_hanh", issued,
                    "not dd-mm-yyyy");
    }
    p.legal_basis.push_back(std::move(b));
  }
}

}  // namespace

catalog::Procedure read_bqp(const json::object& o, catalog::Warnings& w) {
  catalog::Procedure p;
  p.source = "bqp";
  static const json::object kEmpty;
  const json::object* meta = catalog_json::object(o, "metadata", "metadata", w);
  const json::object* content = catalog_json::object(o, "content", "content", w);
  const json::object* tables = catalog_json::object(o, "tables", "tables", w);
  const json::object& m = meta != nullptr ? *meta : kEmpty;
  const json::object& c = content != nullptr ? *content : kEmpty;

  p.code = catalog_json::text(o, "thu_tuc_id", "thu_tuc_id", w);
  const std::string meta_code = catalog_json::text(m, "ma_thu_tuc", "metadata.mã_thủ_tục", w);
  if (p.code.empty()) {
    p.code = meta_code;
  } else if (!meta_code.empty() && meta_code != p.code) {
    catalog::warn(w, WarningKind::code_mismatch, "metadata.mã_thủ_tục", meta_code,
                  "differs from thu_tuc_id " + p.code + "; thu_tuc_id kept");
  }
  p.name = catalog_json::text(m, "ten_thu_tuc", "metadata.tên_thủ_tục", w);
  p.decision = catalog_json::info(m, "so_quyet_dinh", "metadata.số_quyết_định", w);
  p.kind = catalog_json::info(m, "loai_thu_tuc", "metadata.loại_thủ_tục", w);
  p.field = catalog_json::info(m, "linh_vuc", "metadata.lĩnh_vực", w);
  build::set_levels(p, {catalog_json::text(m, "cap_thuc_hien", "metadata.cấp_thực_hiện", w)},
                    "metadata.cấp_thực_hiện", w);

  p.steps =
      catalog_json::info(c, "trinh_tu_thuc_hien", "content.trình_tự_thực_hiện", w, kMultiLine);
  p.applicants = catalog_json::info(c, "doi_tuong_thuc_hien", "content.đối_tượng_thực_hiện", w);
  p.implementing_agency =
      catalog_json::info(c, "co_quan_thuc_hien", "content.cơ_quan_thực_hiện", w);
  p.competent_agency =
      catalog_json::info(c, "co_quan_co_tham_quyen", "content.cơ_quan_có_thẩm_quyền", w);
  p.delegated_agency =
      catalog_json::info(c, "co_quan_duoc_uy_quyen", "content.cơ_quan_được_ủy_quyền", w);
  p.coordinating_agency = catalog_json::info(c, "co_quan_phoi_hop", "content.cơ_quan_phối_hợp", w);
  p.receiving_address =
      catalog_json::info(c, "dia_chi_tiep_nhan_hs", "content.địa_chỉ_tiếp_nhận_hs", w);
  p.result = catalog_json::info(c, "ket_qua_thuc_hien", "content.kết_quả_thực_hiện", w, kMultiLine);
  p.requirements = catalog_json::info(c, "yeu_cau_dieu_kien_thuc_hien",
                                      "content.yêu_cầu_điều_kiện_thực_hiện", w, kMultiLine);
  if (tables != nullptr) {
    read_channels(*tables, p, w);
    read_papers(*tables, p, w);
    read_legal_basis(*tables, p, w);
  } else {
    catalog::warn(w, WarningKind::papers_missing, "tables", "", "no tables");
  }
  build::finish(p, w);
  return p;
}

}  // namespace motcua::codec::catalog_formats
