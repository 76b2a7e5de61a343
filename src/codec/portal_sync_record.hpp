// The sync record MotCua sends to the National Public Service Portal (Cổng Dịch vụ công quốc gia)
// at each change of a dossier (docs/integrations.md, "National Public Service Portal"): the fields
// of the provincial implementations' `HoSoDongBoDVC` (docs/rules.md section 4 for the status
// codes). The use case (app/portal/sync_record.hpp) fills these values; this file only writes
// them as the portal's JSON, with the portal's Vietnamese field names. Dates are already in the
// portal's format (yyyyMMddHHmmss, local time) or empty when not known yet.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace motcua::codec {

struct PortalPaper {
  std::string name;                  // TenGiayTo
  std::string file_name;             // TenTepDinhKem
  std::string sha256;                // MaBamTep
  bool digitised = false;            // DuocSoHoa: the paper is held as a file
  bool from_national_store = false;  // DuocLayTuKhoDMQG: reused from the national data store
  // DuongDanTep: where the portal fetches the file, on this instance's public origin; only the
  // signed result file has one (written only when set, so paper entries are unchanged).
  std::string url;
};

struct PortalFee {
  std::int64_t amount_vnd = 0;  // SoTien
  std::string description;      // NoiDung
  std::string requested_at;     // NgayYeuCau
  std::string paid_at;          // NgayThanhToan (empty while unpaid)
  std::string reference;        // MaGiaoDich
  bool paid_online = false;     // DuocThanhToanTrucTuyen
};

struct PortalSupplement {
  std::string requested_at;        // NgayYeuCau
  std::vector<std::string> items;  // DanhSachGiayTo
  std::string reason;              // LyDo
  std::string old_due;             // NgayHenTraCu: the due date before the pause
  std::string provided_at;         // NgayBoSung (empty while awaited)
  std::string new_due;             // NgayHenTraMoi: the due date once the clock runs again
};

struct PortalResult {
  std::string kind;                // LoaiKetQua: "approval" or "refusal"
  std::string decided_at;          // NgayCoKetQua
  std::string note;                // GhiChu
  std::vector<PortalPaper> files;  // TepKetQua
};

struct PortalStep {
  std::string action;    // HanhDong: the event type, e.g. "dossier_accepted"
  std::string step;      // TenBuoc: the internal process's step, when one is recorded
  std::string official;  // NguoiXuLy
  std::string role;      // VaiTro
  std::string at;        // ThoiDiemXuLy
  std::string step_due;  // NgayKetThucTheoQuyDinh: the step's own due, when its budget gives one
  int status_code = 0;   // TrangThaiHoSo after this action
};

struct PortalSyncRecord {
  std::string dossier_code;     // MaHoSo
  std::string procedure_code;   // MaTTHC
  std::string procedure_name;   // TenTTHC
  std::string agency_code;      // MaDonVi
  std::string applicant_name;   // ChuHoSo
  std::string received_at;      // NgayTiepNhan
  std::string due_at;           // NgayHenTra
  std::string finished_at;      // NgayKetThucXuLy
  std::string returned_at;      // NgayTra
  int status_code = 0;          // TrangThaiHoSo (1-10) of the event this record was written for
  int channel_code = 0;         // KenhThucHien: 1 counter, 2 online, 3 post
  bool vneid_verified = false;  // TaiKhoanDuocXacThucVoiVNeID
  bool paid_online = false;     // DuocThanhToanTrucTuyen: any fee paid through a payment gateway
  std::vector<PortalPaper> papers;            // DanhSachGiayToDinhKem
  std::vector<PortalFee> fees;                // DanhSachLePhi
  std::vector<PortalSupplement> supplements;  // DanhSachBoSung
  std::vector<PortalResult> results;          // DanhSachKetQua
  std::vector<PortalStep> steps;              // QuaTrinhXuLy
};

// The record as the JSON object the portal takes.
std::string portal_sync_record_to_text(const PortalSyncRecord& record);

}  // namespace motcua::codec
