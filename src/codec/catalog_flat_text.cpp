#include "codec/catalog_flat_text.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "domain/text/fold.hpp"

namespace motcua::codec::flat {

namespace {

constexpr std::array<std::string_view, 3> kChannels{"Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính"};
constexpr std::string_view kNoInformation = "Không có thông tin";
constexpr std::string_view kNotRegulated = "Không quy định";
constexpr std::string_view kFree = "Miễn phí";
// Longest first where one is a prefix of another.
constexpr std::array<std::string_view, 8> kUnits{
    "Ngày làm việc", "ngày làm việc", "Giờ làm việc", "Ngày", "ngày", "Giờ", "giờ", "Tháng"};
constexpr std::array<std::string_view, 6> kCurrencies{"Việt Nam Đồng", "VNĐ",  "VND",
                                                      "USD",           "Đồng", "đồng"};
constexpr std::string_view kChannelHeader = "Hình thức nộp";
constexpr std::string_view kChannelHeaderEnd = "Mô tả";
constexpr std::string_view kPaperHeader = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
constexpr std::string_view kLegalHeader = "Tên văn bản pháp lýMã văn bản";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return std::string(s);
}

// Length of the number at the start of `s` ("10,000", "1.5", "60"), 0 if none.
std::size_t number_length(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && (is_digit(s[n]) || ((s[n] == '.' || s[n] == ',') && n > 0))) ++n;
  while (n > 0 && !is_digit(s[n - 1])) --n;  // a trailing separator is punctuation
  return n;
}

// Length of `words` matched at the start of `s` after at most one space, 0 if none.
template <std::size_t N>
std::size_t word_after(std::string_view s, const std::array<std::string_view, N>& words) {
  const std::size_t skip = !s.empty() && s.front() == ' ' ? 1 : 0;
  for (const auto w : words) {
    if (starts_with(s.substr(skip), w)) return skip + w.size();
  }
  return 0;
}

// Length of a fee cell at the start of `s` ("Miễn phí", "Không có thông tin", "145 USD"), 0 if
// none.
std::size_t fee_length(std::string_view s) {
  if (starts_with(s, kFree)) return kFree.size();
  if (starts_with(s, kNoInformation)) return kNoInformation.size();
  const std::size_t number = number_length(s);
  if (number == 0) return 0;
  const std::size_t currency = word_after(s.substr(number), kCurrencies);
  return currency == 0 ? 0 : number + currency;
}

ChannelRow parse_row(std::string channel, std::string_view body) {
  ChannelRow row;
  row.channel = std::move(channel);
  std::size_t pos = 0;
  if (starts_with(body, kNoInformation)) {
    pos = kNoInformation.size();
  } else if (starts_with(body, kNotRegulated)) {
    pos = kNotRegulated.size();
  } else if (const std::size_t number = number_length(body); number > 0) {
    const std::size_t currency = word_after(body.substr(number), kCurrencies);
    if (currency > 0) {
      row.time_fee_merged = true;
      row.fee = body.substr(0, number + currency);
      row.description = trimmed(body.substr(number + currency));
      return row;
    }
    pos = number + word_after(body.substr(number), kUnits);
  } else {
    // Prose: the time runs until the first thing that reads as a fee.
    pos = body.size();
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (fee_length(body.substr(i)) > 0 && (i == 0 || !is_digit(body[i - 1]))) {
        pos = i;
        break;
      }
    }
  }
  row.time = trimmed(body.substr(0, pos));
  const std::size_t fee = fee_length(body.substr(pos));
  row.fee = body.substr(pos, fee);
  row.description = trimmed(body.substr(pos + fee));
  return row;
}

// Positions and lengths of "N bản chính/sao" counts in `body`, from `from`.
struct CountSpan {
  std::size_t start = 0;
  std::size_t end = 0;
};
std::optional<CountSpan> next_count(std::string_view body, std::size_t from) {
  constexpr std::array<std::string_view, 4> kWords{"bản chính", "bản sao", "Bản chính", "Bản sao"};
  auto count_word_at = [&](std::size_t at) -> std::size_t {
    for (const auto w : kWords) {
      if (starts_with(body.substr(at), w)) return w.size();
    }
    return 0;
  };
  for (std::size_t k = from + 2; k < body.size(); ++k) {
    const std::size_t word = count_word_at(k);
    if (word == 0 || body[k - 1] != ' ' || !is_digit(body[k - 2])) continue;
    // "01 bản sao có chứng thực ..." starts a name; a count cell is glued to what follows it.
    const std::string_view after = body.substr(k + word);
    if (starts_with(after, " ") && !text::starts_with_capital(after.substr(1)) &&
        !(after.size() > 1 && is_digit(after[1]))) {
      continue;
    }
    CountSpan span{k - 2, k + word};
    while (span.start > from && is_digit(body[span.start - 1])) --span.start;
    // ",1 bản sao" continues the same count cell.
    while (span.end + 2 < body.size() && body[span.end] == ',' && is_digit(body[span.end + 1])) {
      std::size_t digits = span.end + 1;
      while (digits < body.size() && is_digit(body[digits])) ++digits;
      if (digits >= body.size() || body[digits] != ' ') break;
      const std::size_t more = count_word_at(digits + 1);
      if (more == 0) break;
      span.end = digits + 1 + more;
    }
    return span;
  }
  return std::nullopt;
}

// A document number "N/YYYY/SYMBOL" whose "/YYYY/" starts at `slash`; returns its start and end.
std::optional<CountSpan> document_number_at(std::string_view s, std::size_t slash) {
  if (slash + 6 >= s.size() || s[slash] != '/' || s[slash + 5] != '/') return std::nullopt;
  for (std::size_t i = slash + 1; i < slash + 5; ++i) {
    if (!is_digit(s[i])) return std::nullopt;
  }
  std::size_t start = slash;
  while (start > 0 && is_digit(s[start - 1])) --start;
  if (start == slash) return std::nullopt;
  // "năm 2011" glued to "02/2011/QH13": the title's year is not part of the number.
  const std::string_view year = s.substr(slash + 1, 4);
  if (slash - start > 4 && s.substr(start, 4) == year) start += 4;
  if (slash - start > 3) start = slash - 3;
  // The symbol: capitals, digits, "-", "Đ" and "TTg"; it ends before a
  // capital that starts a word ("QH13Quy định": the symbol is "QH13").
  std::size_t end = slash + 6;
  while (end < s.size()) {
    const std::string_view rest = s.substr(end);
    if (starts_with(rest, "TTg")) {  // Thủ tướng: the one symbol with a small letter
      end += 3;
      continue;
    }
    if (starts_with(rest, "Đ")) {
      end += 2;
      continue;
    }
    const char c = s[end];
    const bool capital = c >= 'A' && c <= 'Z';
    if (capital && end + 1 < s.size() && !(s[end + 1] >= 'A' && s[end + 1] <= 'Z') &&
        !is_digit(s[end + 1]) && s[end + 1] != '-' && !starts_with(s.substr(end + 1), "Đ") &&
        end > slash + 6) {
      break;  // "Quy", "Luật", "Nghị": a new title
    }
    if (capital || is_digit(c) || c == '-') {
      ++end;
      continue;
    }
    break;
  }
  if (end == slash + 6) return std::nullopt;
  return CountSpan{start, end};
}

}  // namespace

ChannelRows split_channel_rows(std::string_view flat_in) {
  const std::string flat = text::clean_text(flat_in, {.keep_line_breaks = true});
  std::string_view s = flat;
  if (starts_with(s, kChannelHeader)) {
    const auto end = s.find(kChannelHeaderEnd);
    if (end != std::string_view::npos) s.remove_prefix(end + kChannelHeaderEnd.size());
  }
  struct Start {
    std::size_t at;
    std::string_view name;
  };
  std::vector<Start> starts;
  for (const auto name : kChannels) {
    for (auto at = s.find(name); at != std::string_view::npos; at = s.find(name, at + 1)) {
      const std::string_view next = s.substr(at + name.size());
      if (!next.empty() && (is_digit(next.front()) || text::starts_with_capital(next))) {
        starts.push_back({at, name});
      }
    }
  }
  std::sort(starts.begin(), starts.end(),
            [](const Start& a, const Start& b) { return a.at < b.at; });
  ChannelRows out;
  out.leftover = trimmed(s.substr(0, starts.empty() ? s.size() : starts.front().at));
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const std::size_t body = starts[i].at + starts[i].name.size();
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1].at : s.size();
    out.rows.push_back(parse_row(std::string(starts[i].name), s.substr(body, end - body)));
  }
  return out;
}

PaperGroups split_paper_groups(std::string_view flat_in) {
  const std::string flat = text::clean_text(flat_in);
  const std::string_view s = flat;
  PaperGroups out;
  const std::string folded = text::fold_vietnamese(s);
  if (folded.empty() || folded == "khong co thong tin") return out;
  std::vector<std::string_view> parts;
  std::size_t from = 0;
  for (auto at = s.find(kPaperHeader); at != std::string_view::npos;
       at = s.find(kPaperHeader, from)) {
    parts.push_back(s.substr(from, at - from));
    from = at + kPaperHeader.size();
  }
  parts.push_back(s.substr(from));
  if (parts.size() == 1) parts.insert(parts.begin(), std::string_view());  // no header at all
  std::string case_name = trimmed(parts[0]);
  for (std::size_t i = 1; i < parts.size(); ++i) {
    PaperGroup group;
    group.case_name = case_name == "--" ? std::string() : case_name;
    const std::string_view body = parts[i];
    std::size_t start = 0;
    while (const auto span = next_count(body, start)) {
      group.papers.push_back({trimmed(body.substr(start, span->start - start)),
                              std::string(body.substr(span->start, span->end - span->start))});
      start = span->end;
    }
    case_name = trimmed(body.substr(start));
    out.groups.push_back(std::move(group));
  }
  out.leftover = case_name == "--" ? std::string() : case_name;
  return out;
}

LegalCells split_legal_documents(std::string_view flat_in) {
  const std::string flat = text::clean_text(flat_in);
  std::string_view s = flat;
  LegalCells out;
  if (starts_with(s, kLegalHeader)) s.remove_prefix(kLegalHeader.size());
  std::size_t entry = 0;
  for (std::size_t slash = s.find('/'); slash != std::string_view::npos;
       slash = s.find('/', slash + 1)) {
    const auto number = document_number_at(s, slash);
    if (!number) continue;
    // A number ends an entry when the next title is glued to it (or the text ends); one followed
    // by a space or punctuation is part of a title ("Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP").
    const bool ends_entry = number->end == s.size() ||
                            text::starts_with_capital(s.substr(number->end)) ||
                            is_digit(s[number->end]);
    if (!ends_entry) continue;
    out.documents.push_back({trimmed(s.substr(entry, number->start - entry)),
                             std::string(s.substr(number->start, number->end - number->start))});
    entry = number->end;
    slash = number->end - 1;
  }
  out.leftover = trimmed(s.substr(entry));
  return out;
}

}  // namespace motcua::codec::flat
