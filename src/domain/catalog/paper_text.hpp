// Reading the cells of a required-papers table (thành phần hồ sơ): the count ("1 bản chính",
// "0 bản chính,1 bản sao", "Bản chính: 1\nBản sao: 0") and template file names found where they
// do not belong (at the end of the paper name, or in the count column).
#pragma once

#include <string>
#include <string_view>

namespace motcua::catalog {

struct CopyCountReading {
  int originals = 0;      // bản chính
  int copies = 0;         // bản sao
  bool parsed = false;    // at least one "N bản chính/sao" was read
  bool repeated = false;  // a kind appeared twice ("1 bản chính1 bản chính"); the first is kept
  // Digits glued in front of a count by the scraper ("...năm 20261 bản chính": "2026"); they
  // belong to the end of the paper name, and only the last digit is the count.
  std::string glued_digits;
};
CopyCountReading read_copy_count(std::string_view raw);

// True when `text` ends with a file name extension a form template has (.doc, .docx, .pdf, .xls,
// .xlsx, .odt, .rtf, .zip, .rar), ignoring case and trailing spaces.
bool ends_with_file_name(std::string_view text);

// A paper name with a template file name glued to its end ("Tờ khai ... (NA8)9-Mẫu NA8.doc"),
// split at the most likely boundary: just after the first ")", ";", ":" or "." glued to the next
// character that leaves a plausible file name (balanced brackets, no "/", at most 150 bytes; a "."
// after a digit, as in "Điều 6.2", does not count); else at the first change of case without a
// space
// ("theo mẫuTK 1.docx", "NĐ-CPPhụ lục IV.docx"). Best effort: the scraper removed the boundary,
// so callers report a split as a warning. When no boundary is found, `name` is the whole text.
struct NameAndForm {
  std::string name;
  std::string form;  // empty when `text` does not end with a file name
};
NameAndForm split_form_file(std::string_view text);

// Not asked of every applicant: "(nếu có)" (only if the applicant has it), or a paper for a
// particular situation, "Trường hợp …" / "… trong trường hợp …" (e.g. the record of an abandoned
// child among the papers of a birth registration). A paper with a fallback, "Giấy chứng sinh;
// trường hợp không có … thì …", is still asked of everyone.
bool is_optional_paper(std::string_view name);

}  // namespace motcua::catalog
