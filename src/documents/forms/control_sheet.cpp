// Form 06: the control sheet, every hand-over of the dossier in order: who gave it, who took it,
// when, and what the step was.
#include <map>

#include "documents/form_frame.hpp"
#include "documents/forms/form_data.hpp"
#include "documents/forms/forms.hpp"
#include "documents/vi_text.hpp"

namespace motcua::documents {

namespace {

// The hand-overs the sheet lists, in the words of the paper form.
const std::map<std::string, std::string, std::less<>>& handover_labels() {
  static const std::map<std::string, std::string, std::less<>> labels = {
      {"dossier_accepted", "Tiếp nhận hồ sơ"},   {"dossier_assigned", "Giao xử lý"},
      {"dossier_forwarded", "Chuyển xử lý"},     {"dossier_sent_back", "Trả lại xử lý"},
      {"dossier_approved", "Phê duyệt kết quả"}, {"dossier_rejected", "Từ chối sau thẩm định"},
      {"result_returned", "Trả kết quả"},
  };
  return labels;
}

}  // namespace

std::optional<std::string> control_sheet_pdf(const app::DossierView& v) {
  if (!v.received_at) return std::nullopt;  // no sheet before reception
  auto name_of = [&](const std::string& official_id) {
    if (auto it = v.workspace.party_names.find("official:" + official_id);
        it != v.workspace.party_names.end())
      return it->second;
    for (const auto& e : v.timeline)
      if (e.actor_id == official_id && e.actor_name) return *e.actor_name;
    if (v.assignee_id == official_id && v.workspace.assignee_name)
      return *v.workspace.assignee_name;
    return official_id;
  };
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : v.timeline) {
    const auto label = handover_labels().find(e.type);
    if (label == handover_labels().end()) continue;
    std::string receiver;
    std::string step;
    if (e.command) {
      if (const auto* a = std::get_if<dossier::Assign>(&*e.command)) {
        receiver = name_of(a->official_id);
        step = a->step;
      } else if (const auto* f = std::get_if<dossier::Forward>(&*e.command)) {
        receiver = name_of(f->official_id);
        step = f->step;
      } else if (const auto* s = std::get_if<dossier::SendBack>(&*e.command)) {
        receiver = name_of(s->official_id);
        step = s->step;
      } else if (const auto* r = std::get_if<dossier::ReturnResult>(&*e.command)) {
        receiver = r->receiver_name;
      }
    }
    if (v.terms.process) {
      for (const auto& s : v.terms.process->steps)
        if (s.id == step) step = s.name;
    }
    rows.push_back({std::to_string(rows.size() + 1), vi_short(e.at), e.actor_name.value_or(""),
                    receiver, label->second, step});
  }
  PdfCanvas canvas("Phiếu kiểm soát quá trình giải quyết hồ sơ " + code_of(v));
  begin_form(canvas, {.form_number = "06",
                      .issuer_parent = agency_name(v),
                      .issuer = unit_name(v),
                      .place = place(v),
                      .date_iso = v.received_at.value_or(""),
                      .title = "Phiếu kiểm soát quá trình giải quyết hồ sơ",
                      .subtitle = "Mã hồ sơ: " + code_of(v)});
  canvas.paragraph("(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả mã số " + code_of(v) + ")",
                   {.size = 12, .italic = true, .align = Align::center});
  canvas.paragraph("Người nộp: " + v.applicant.name + ". Thủ tục: " + v.procedure_name + ".");
  canvas.paragraph("Cơ quan (bộ phận) giải quyết hồ sơ: " + or_dots(agency_name(v)) +
                   ". Cơ quan phối hợp giải quyết: …");
  canvas.table({{"STT", 0.5, Align::center},
                {"Thời gian giao, nhận", 1.4, Align::center},
                {"Bên giao", 1.5, Align::left},
                {"Bên nhận", 1.5, Align::left},
                {"Nội dung", 1.4, Align::left},
                {"Bước xử lý", 1.4, Align::left}},
               rows, 10.5);
  return canvas.finish();
}

}  // namespace motcua::documents
