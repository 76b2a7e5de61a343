#include "codec/portal_sync_record.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

namespace {

namespace json = boost::json;

json::array strings(const std::vector<std::string>& values) {
  json::array out;
  for (const auto& v : values) out.emplace_back(v);
  return out;
}

json::object paper(const PortalPaper& p) {
  json::object o{{"TenGiayTo", p.name},
                 {"TenTepDinhKem", p.file_name},
                 {"MaBamTep", p.sha256},
                 {"DuocSoHoa", p.digitised},
                 {"DuocLayTuKhoDMQG", p.from_national_store}};
  if (!p.url.empty()) o["DuongDanTep"] = p.url;
  return o;
}

template <typename T, typename F>
json::array list(const std::vector<T>& values, F&& one) {
  json::array out;
  for (const auto& v : values) out.emplace_back(one(v));
  return out;
}

}  // namespace

std::string portal_sync_record_to_text(const PortalSyncRecord& r) {
  json::object o;
  o["MaHoSo"] = r.dossier_code;
  o["MaTTHC"] = r.procedure_code;
  o["TenTTHC"] = r.procedure_name;
  o["MaDonVi"] = r.agency_code;
  o["ChuHoSo"] = r.applicant_name;
  o["NgayTiepNhan"] = r.received_at;
  o["NgayHenTra"] = r.due_at;
  o["NgayKetThucXuLy"] = r.finished_at;
  o["NgayTra"] = r.returned_at;
  o["TrangThaiHoSo"] = r.status_code;
  o["KenhThucHien"] = r.channel_code;
  o["TaiKhoanDuocXacThucVoiVNeID"] = r.vneid_verified;
  o["DuocThanhToanTrucTuyen"] = r.paid_online;
  o["DanhSachGiayToDinhKem"] = list(r.papers, paper);
  o["DanhSachLePhi"] = list(r.fees, [](const PortalFee& f) {
    return json::object{{"SoTien", f.amount_vnd},       {"NoiDung", f.description},
                        {"NgayYeuCau", f.requested_at}, {"NgayThanhToan", f.paid_at},
                        {"MaGiaoDich", f.reference},    {"DuocThanhToanTrucTuyen", f.paid_online}};
  });
  o["DanhSachBoSung"] = list(r.supplements, [](const PortalSupplement& s) {
    return json::object{{"NgayYeuCau", s.requested_at},
                        {"DanhSachGiayTo", strings(s.items)},
                        {"LyDo", s.reason},
                        {"NgayHenTraCu", s.old_due},
                        {"NgayBoSung", s.provided_at},
                        {"NgayHenTraMoi", s.new_due}};
  });
  o["DanhSachKetQua"] = list(r.results, [](const PortalResult& k) {
    return json::object{{"LoaiKetQua", k.kind},
                        {"NgayCoKetQua", k.decided_at},
                        {"GhiChu", k.note},
                        {"TepKetQua", list(k.files, paper)}};
  });
  o["QuaTrinhXuLy"] = list(r.steps, [](const PortalStep& s) {
    return json::object{{"HanhDong", s.action},          {"TenBuoc", s.step},
                        {"NguoiXuLy", s.official},       {"VaiTro", s.role},
                        {"ThoiDiemXuLy", s.at},          {"NgayKetThucTheoQuyDinh", s.step_due},
                        {"TrangThaiHoSo", s.status_code}};
  });
  return json::serialize(o);
}

}  // namespace motcua::codec
