#include "domain/dossier/errors.hpp"

#include <utility>

#include "domain/common/enum_names.hpp"

namespace motcua::dossier {

namespace {

using E = ErrorCode;

constexpr detail::NameTable<ErrorCode, kAllErrorCodes.size()> kErrorNames = {{
    {E::not_allowed_in_state, "not_allowed_in_state"},
    {E::role_not_allowed, "role_not_allowed"},
    {E::dossier_closed, "dossier_closed"},
    {E::missing_reasons, "missing_reasons"},
    {E::missing_items, "missing_items"},
    {E::missing_official, "missing_official"},
    {E::missing_agency, "missing_agency"},
    {E::missing_receiver, "missing_receiver"},
    {E::invalid_dossier_code, "invalid_dossier_code"},
    {E::invalid_due_date, "invalid_due_date"},
    {E::invalid_amount, "invalid_amount"},
    {E::amount_mismatch, "amount_mismatch"},
    {E::channel_not_allowed, "channel_not_allowed"},
    {E::extension_already_used, "extension_already_used"},
    {E::consultation_open, "consultation_open"},
    {E::no_open_consultation, "no_open_consultation"},
    {E::requester_confirms_payment, "requester_confirms_payment"},
}};

// Quotes a label the way Vietnamese administrative text does.
std::string quoted(std::string_view text) { return "“" + std::string(text) + "”"; }

struct Messages {
  std::string vi;
  std::string en;
};

Messages messages_for(ErrorCode code, const ErrorContext& c) {
  const std::string command_vi = quoted(label_vi(c.command));
  const std::string command_en = std::string(label_en(c.command));
  const std::string status_vi = quoted(label_vi(c.status));
  const std::string status_en = quoted(label_en(c.status));
  switch (code) {
    case E::not_allowed_in_state:
      return {
          "Không thể thực hiện " + command_vi + " khi hồ sơ đang ở trạng thái " + status_vi + ".",
          "Cannot " + command_en + " while the dossier is " + status_en + "."};
    case E::role_not_allowed:
      return {
          "Vai trò " + quoted(label_vi(c.role)) + " không có quyền thực hiện " + command_vi + ".",
          "The role " + quoted(label_en(c.role)) + " may not " + command_en + "."};
    case E::dossier_closed:
      return {"Hồ sơ đã kết thúc (" + status_vi + "), không thể thực hiện thêm thao tác nào.",
              "The dossier is closed (" + status_en + "); no further action is possible."};
    case E::missing_reasons:
      return {"Phải nêu rõ lý do; không được để trống lý do nào.",
              "A reason must be given, and no reason may be left blank."};
    case E::missing_items:
      return {
          "Phải liệt kê đầy đủ các giấy tờ; danh sách không được trống và không mục nào được để "
          "trống.",
          "Every document must be listed: the list may not be empty and no entry may be blank."};
    case E::missing_official:
      return {"Chưa chọn cán bộ nhận xử lý hồ sơ.",
              "No official was chosen to handle the dossier."};
    case E::missing_agency:
      return {"Chưa nêu cơ quan, tổ chức được lấy ý kiến.", "The consulted agency is not named."};
    case E::missing_receiver:
      return {"Chưa ghi họ tên người nhận kết quả.",
              "The name of the person receiving the result is missing."};
    case E::invalid_dossier_code:
      return {"Mã hồ sơ không đúng định dạng <mã cơ quan>-<YYMMDD>-<số thứ tự>.",
              "The dossier code does not have the form <agency code>-<YYMMDD>-<sequence>."};
    case E::invalid_due_date:
      if (c.command == CommandKind::issue_apology) {
        return {"Ngày hẹn mới (new_due) phải sau thời điểm hiện tại và sau ngày hẹn hiện tại.",
                "The new date (new_due) must be later than now and than the current due date."};
      }
      return {
          "Ngày hẹn trả kết quả không hợp lệ: không được ở quá khứ và phải sau ngày hẹn trước "
          "đó (nếu có).",
          "Invalid due date: it may not be in the past and must be later than any earlier "
          "appointment."};
    case E::invalid_amount:
      return {"Số tiền (amount) phải là số nguyên dương, không quá 100.000.000.000 đồng.",
              "The amount (amount) must be a positive whole number of dong, at most "
              "100,000,000,000."};
    case E::amount_mismatch:
      return {"Số tiền xác nhận không khớp với số tiền đã yêu cầu nộp.",
              "The confirmed amount differs from the amount requested."};
    case E::channel_not_allowed:
      return {
          "Hệ thống chỉ trả kết quả trực tuyến hoặc ghi nhận bưu chính đã phát; trả tại quầy do "
          "Bộ phận Một cửa thực hiện.",
          "The system delivers results online or records the post's delivery; the reception desk "
          "hands them over at the counter."};
    case E::extension_already_used:
      return {
          "Hồ sơ đã được xin lỗi và hẹn lại ngày trả kết quả một lần; không được hẹn lại lần "
          "nữa.",
          "The dossier has already been extended once with an apology; it cannot be extended "
          "again."};
    case E::consultation_open:
      return {"Còn " + std::to_string(c.open_consultations) +
                  " văn bản lấy ý kiến chưa được trả lời; chưa thể ra quyết định giải quyết.",
              std::to_string(c.open_consultations) +
                  " consultation(s) still await a reply; no decision can be made yet."};
    case E::no_open_consultation:
      return {"Không có văn bản lấy ý kiến nào đang chờ trả lời.",
              "There is no open consultation to reply to."};
    case E::requester_confirms_payment:
      return {
          "Người yêu cầu nộp phí không được tự xác nhận đã thu phí; lãnh đạo hoặc công chức "
          "khác xác nhận (tách bạch yêu cầu và xác nhận thu).",
          "The official who requested the payment may not confirm it; a leader or another "
          "official confirms (requesting and confirming are kept apart)."};
  }
  return {"Lỗi không xác định.", "Unknown error."};
}

}  // namespace

std::string_view to_string(ErrorCode code) { return detail::name_in(kErrorNames, code); }

std::optional<ErrorCode> parse_error_code(std::string_view name) {
  return detail::value_in(kErrorNames, name);
}

DecisionError make_error(ErrorCode code, const ErrorContext& context) {
  Messages m = messages_for(code, context);
  return DecisionError{code, std::move(m.vi), std::move(m.en)};
}

}  // namespace motcua::dossier
