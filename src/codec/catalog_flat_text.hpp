// Splitting the national portal's tables back into rows when a scraper flattened them to text
// with no separators (dvcqg-sample-full-records.jsonl, and the cach_thuc_thuc_hien_raw fallback
// of the parsed catalog):
//
//   "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp60 Ngày làm việcKhông có thông tin..."
//   "--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn khiếu nại1 bản chínhQuyết định...1 bản chính"
//   "Tên văn bản pháp lýMã văn bảnLuật Khiếu nại 201102/2011/QH13Nghị định ..."
//
// Best effort: the splitter recognises the closed vocabularies (channel names, units, fee words,
// "N bản chính/sao", document numbers "N/YYYY/SYMBOL") and hands the pieces to the domain parsers;
// whatever it cannot place is returned as leftover text for a warning.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace motcua::codec::flat {

struct ChannelRow {
  std::string channel;      // "Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính"
  std::string time;         // "60 Ngày làm việc", "1", "Không có thông tin", prose
  std::string fee;          // "Miễn phí", "10,000 Việt Nam Đồng", "" when absent
  std::string description;  // the rest of the row
  // Digits directly followed by a currency ("1100 VNĐ"): the time and fee cells were glued and
  // cannot be told apart; `fee` holds the glued text and `time` is empty.
  bool time_fee_merged = false;
};

struct ChannelRows {
  std::vector<ChannelRow> rows;
  std::string leftover;  // text before the first row
};
// A row starts at a channel name glued to a digit or a capital letter (a channel name inside a
// description is followed by a space or a colon).
ChannelRows split_channel_rows(std::string_view flat);

struct PaperCell {
  std::string name;   // name, with a template file name possibly glued to its end
  std::string count;  // "1 bản chính", "0 bản chính,1 bản sao"
};
struct PaperGroup {
  std::string case_name;  // text before the group's header; "--" means none and becomes ""
  std::vector<PaperCell> papers;
};
struct PaperGroups {
  std::vector<PaperGroup> groups;
  std::string leftover;  // text after the last count of the last group
};
PaperGroups split_paper_groups(std::string_view flat);

struct LegalCell {
  std::string title;
  std::string number;  // "02/2011/QH13"
};
struct LegalCells {
  std::vector<LegalCell> documents;
  std::string leftover;  // text after the last document number
};
LegalCells split_legal_documents(std::string_view flat);

}  // namespace motcua::codec::flat
