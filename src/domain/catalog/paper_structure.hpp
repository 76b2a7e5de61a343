// Reading the groups of a procedure's papers (thành phần hồ sơ) the way the national catalog
// writes them. The importers keep every group as the source has it: a heading ("truong_hop")
// and its rows. Many headings are not situations an applicant chooses between:
//  - "* Giấy tờ phải nộp:" / "* Giấy tờ phải xuất trình:" say whether the papers below are handed
//    in or only shown at the counter (PaperKind);
//  - "* Lưu ý:" / "Ghi chú" groups hold advice, and so do prose rows with no original and no copy
//    ("Trường hợp ... thì không phải nộp ...", "Cơ quan ... từ chối ...");
//  - "Thành phần hồ sơ:", "Bao gồm", "Trường hợp chung" or no heading introduce the common list.
// Real situations ("Trường hợp (1): ...", "Trường hợp đăng ký lại") stay cases with their papers.
// A paper asked for only in a situation ("Trường hợp trẻ em bị bỏ rơi thì ...", "(nếu có)") keeps
// that situation as its condition and is not mandatory.
//
// Pure and idempotent: structuring an already structured procedure changes nothing, so stored
// documents of any shape can be passed through it again (the upgrade does).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/catalog/procedure.hpp"

namespace motcua::catalog {

// What a group's heading says.
enum class HeadingRole {
  common,   // no heading, or one introducing the common list
  submit,   // "Giấy tờ phải nộp"
  present,  // "Giấy tờ phải xuất trình"
  notes,    // "Lưu ý", "Ghi chú"
  real,     // a situation of its own: a case
};
HeadingRole classify_heading(std::string_view heading);

// The text without the list bullets the catalog puts in front ("- ", "+ ", "* ", "++ ").
std::string strip_bullet(std::string_view text);

// A case name as shown and compared: bullets and the closing colon removed, whitespace cleaned.
std::string clean_case_name(std::string_view heading);

// A row with no original and no copy that reads as advice rather than as a paper.
bool is_explanatory_row(const Paper& paper);

// The situation in which a paper is asked for, from its name ("Trường hợp trẻ em bị bỏ rơi",
// "trong trường hợp ủy quyền ...", "nếu có"); empty when it is asked of everyone.
std::string paper_condition(std::string_view name);

// Rewrites p.cases (taken as the raw groups: case name = heading) into real cases and moves
// advice into p.notes. The common list becomes the single case with an empty name, or, when there
// are real cases too, a case named by its heading ("Trường hợp chung" when it had none). Groups
// with the same case name are merged. Ids are not touched: assign them afterwards.
void structure_papers(Procedure& p);

// The name a common list gets when it stands beside real cases.
inline constexpr std::string_view kCommonCaseName = "Trường hợp chung";

}  // namespace motcua::catalog
