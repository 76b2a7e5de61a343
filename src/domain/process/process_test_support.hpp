// Test-only: two realistic processes shared by the process and codec tests. Header-only so that
// it never enters the library.
//  - birth_registration(): "Thủ tục đăng ký khai sinh" (national catalogue 1.001193, commune
//    level, 1 working day), five steps with a send-back and a supplement request;
//  - hanoi_qttp20(): the internal process QTTP-20 of Hanoi's Department of Ethnic and Religious
//    Affairs (Decision 1594/QĐ-TTPVHCC of 20/11/2025, procedure 1.012644, 30 working days = 240
//    working hours). The decision lists 15 steps; its step 2 has three actors (1/2 + 1 + 1 day),
//    kept here as one step of 2.5 days, and it gives steps 6-13 (at the City People's Committee)
//    7 days together, which are split here by the weight of each task. Budgets are in hours
//    because half days occur.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/process/process.hpp"

namespace motcua::process::test_support {

inline clock::TimeLimit hours(std::int64_t n) { return {n, clock::LimitUnit::working_hours}; }
inline clock::TimeLimit working_days(std::int64_t n) { return {n, clock::LimitUnit::working_days}; }

inline Action to(ActionKind kind, std::string target = {}) { return {kind, std::move(target)}; }

inline Step make_step(std::string id, std::string name, std::string name_en,
                      std::optional<dossier::Role> role, std::string unit, clock::TimeLimit budget,
                      std::vector<Action> actions) {
  return Step{
      std::move(id), std::move(name),   std::move(name_en), Responsible{role, std::move(unit)},
      budget,        std::move(actions)};
}

inline ProcessDefinition birth_registration() {
  using enum ActionKind;
  using dossier::Role;
  ProcessDefinition p;
  p.id = "khai-sinh-xa";
  p.procedure_code = "1.001193";
  p.agency_id = "commune-00004";
  p.version = 1;
  p.legal_limit = working_days(1);
  p.steps = {
      make_step("receive", "Tiếp nhận hồ sơ", "Receive the dossier", Role::reception, "", hours(1),
                {to(forward, "review"), to(request_supplement)}),
      make_step("review", "Thẩm định hồ sơ", "Review the dossier", Role::processing,
                "commune-00004-civil-status", hours(3),
                {to(forward, "draft"), to(request_supplement), to(send_back, "receive")}),
      make_step("draft", "Dự thảo Giấy khai sinh, trình ký", "Draft the certificate for signature",
                Role::processing, "commune-00004-civil-status", hours(1),
                {to(forward, "decide"), to(send_back, "review")}),
      make_step("decide", "Phê duyệt", "Approve", Role::leader, "", hours(2),
                {to(approve, "return"), to(refuse, "return"), to(send_back, "review")}),
      make_step("return", "Trả kết quả", "Return the result", Role::reception, "", hours(1),
                {to(return_result)}),
  };
  return p;
}

inline ProcessDefinition hanoi_qttp20() {
  using enum ActionKind;
  using dossier::Role;
  const std::string dept = "hn-dept-ethnic-religious";
  const std::string city = "hn-city-office";
  ProcessDefinition p;
  p.id = "hn-qttp-20";
  p.procedure_code = "1.012644";
  p.agency_id = "province-01";
  p.version = 1;
  p.legal_limit = working_days(30);
  p.steps = {
      make_step("s01", "Tiếp nhận hồ sơ", "Receive the dossier", Role::reception, dept + "-desk",
                hours(4), {to(forward, "s02"), to(request_supplement)}),
      make_step("s02", "Chuyển hồ sơ, phân công thụ lý", "Hand over and assign", Role::leader, dept,
                hours(20), {to(forward, "s03")}),
      make_step("s03", "Thẩm định hồ sơ, dự thảo văn bản", "Review and draft", Role::processing,
                dept + "-affairs", working_days(16),
                {to(forward, "s04"), to(request_supplement), to(consult)}),
      make_step("s04", "Lãnh đạo phòng kiểm tra, ký nháy", "Head of division checks", Role::leader,
                dept + "-affairs", working_days(1), {to(forward, "s05"), to(send_back, "s03")}),
      make_step("s05", "Lãnh đạo Sở ký, trình UBND Thành phố", "Director signs and submits",
                Role::leader, dept, working_days(1),
                {to(forward, "s06"), to(refuse, "s15"), to(send_back, "s04")}),
      make_step("s06", "Văn phòng UBND Thành phố tiếp nhận", "City office receives",
                Role::processing, city + "-admin", hours(4), {to(forward, "s07")}),
      make_step("s07", "Lãnh đạo Văn phòng phân công", "Office leader assigns", Role::leader, city,
                hours(4), {to(forward, "s08")}),
      make_step("s08", "Lãnh đạo phòng chuyên môn phân công", "Division head assigns", Role::leader,
                city + "-division", hours(4), {to(forward, "s09")}),
      make_step("s09", "Chuyên viên thẩm tra, dự thảo kết quả", "Official examines and drafts",
                Role::processing, city + "-division", working_days(3), {to(forward, "s10")}),
      make_step("s10", "Lãnh đạo phòng chuyên môn kiểm tra", "Division head checks", Role::leader,
                city + "-division", hours(4), {to(forward, "s11"), to(send_back, "s09")}),
      make_step("s11", "Lãnh đạo Văn phòng kiểm tra, trình", "Office leader checks and submits",
                Role::leader, city, hours(4), {to(forward, "s12"), to(send_back, "s10")}),
      make_step("s12", "Lãnh đạo UBND Thành phố phê duyệt", "City leader decides", Role::leader,
                "province-01", working_days(1),
                {to(approve, "s13"), to(refuse, "s13"), to(send_back, "s11")}),
      make_step("s13", "Lấy số, đóng dấu, phát hành", "Number, stamp and issue", Role::processing,
                city + "-admin", hours(4), {to(forward, "s14")}),
      make_step("s14", "Sở tiếp nhận kết quả, chuyển Bộ phận Một cửa", "Department passes it on",
                Role::processing, dept + "-affairs", working_days(2), {to(forward, "s15")}),
      make_step("s15", "Trả kết quả", "Return the result", Role::reception, dept + "-desk",
                hours(0), {to(return_result)}),
  };
  return p;
}

}  // namespace motcua::process::test_support
