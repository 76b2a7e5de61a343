#include "codec/catalog_common.hpp"

#include <algorithm>
#include <set>

#include "domain/catalog/fee_text.hpp"
#include "domain/catalog/names_text.hpp"
#include "domain/catalog/paper_text.hpp"
#include "domain/catalog/time_text.hpp"
#include "domain/text/fold.hpp"

namespace motcua::codec::catalog_build {

using catalog::WarningKind;

namespace {

catalog::Channel channel_of(std::string_view name, const std::string& field,
                            catalog::Warnings& warnings) {
  if (const auto c = catalog::parse_channel(name)) return *c;
  catalog::warn(warnings, WarningKind::channel_unknown, field, name,
                "not Trực tiếp, Trực tuyến or Dịch vụ bưu chính");
  return catalog::Channel::other;
}

bool has_letter_or_digit(std::string_view s) {
  const std::string f = text::fold_vietnamese(s);
  return std::any_of(f.begin(), f.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  });
}

}  // namespace

catalog::ChannelTerms channel_row(std::string_view channel, std::string_view time,
                                  std::string_view fee, std::string_view description,
                                  const ChannelFields& fields, catalog::Warnings& warnings) {
  catalog::ChannelTerms row;
  row.channel_raw = text::clean_text(channel);
  row.channel = channel_of(row.channel_raw, fields.channel, warnings);
  row.description = text::clean_text(description, {.keep_line_breaks = true});
  row.time = catalog::parse_time_text(time, row.description, fields.time, warnings);
  row.fee = catalog::parse_fee_text(fee, row.description, fields.fee, warnings);
  return row;
}

catalog::ChannelTerms merged_channel_row(std::string_view channel, std::string_view merged,
                                         std::string_view description, const ChannelFields& fields,
                                         catalog::Warnings& warnings) {
  catalog::ChannelTerms row;
  row.channel_raw = text::clean_text(channel);
  row.channel = channel_of(row.channel_raw, fields.channel, warnings);
  row.description = text::clean_text(description, {.keep_line_breaks = true});
  const std::string raw = text::clean_text(merged);
  const std::string note = "time and fee digits glued together by the scraper; neither is known";
  row.time = {raw, catalog::TimeStatus::unparsed, std::nullopt, note};
  row.fee.raw = raw;
  row.fee.status = catalog::FeeStatus::unparsed;
  row.fee.unparseable = true;
  catalog::warn(warnings, WarningKind::time_fee_merged, fields.time, raw, note);
  return row;
}

catalog::Paper paper(std::string_view name, std::vector<std::string> form_files,
                     std::string_view count, const PaperFields& fields,
                     catalog::Warnings& warnings) {
  catalog::Paper p;
  p.name = text::clean_text(name);
  if (catalog::ends_with_file_name(p.name)) {
    const catalog::NameAndForm split = catalog::split_form_file(p.name);
    if (!split.form.empty()) {
      catalog::warn(warnings, WarningKind::paper_form_in_name, fields.name, p.name,
                    "template file '" + split.form + "' split off the name at a guessed boundary");
      p.name = split.name;
      form_files.insert(form_files.begin(), split.form);
    } else {
      catalog::warn(warnings, WarningKind::paper_form_in_name, fields.name, p.name,
                    "the name ends with a file name that could not be separated; kept whole");
    }
  }
  for (std::string& f : form_files) {
    f = text::clean_text(f);
    if (!f.empty()) p.form_files.push_back(std::move(f));
  }
  p.count_raw = text::clean_text(count, {.keep_line_breaks = true});
  const catalog::CopyCountReading r = catalog::read_copy_count(p.count_raw);
  if (!r.parsed) {
    catalog::warn(warnings, WarningKind::paper_count_unparsed, fields.count, p.count_raw,
                  "no 'N bản chính' or 'N bản sao' to read");
  } else {
    p.originals = r.originals;
    p.copies = r.copies;
    if (r.repeated) {
      catalog::warn(warnings, WarningKind::paper_count_repeated, fields.count, p.count_raw,
                    "several counts of the same kind; the first is kept");
    }
    if (!r.glued_digits.empty()) {
      const bool space = !p.name.empty() && p.name.back() != '/' && p.name.back() != '-';
      p.name += (space ? " " : "") + r.glued_digits;
      catalog::warn(warnings, WarningKind::paper_count_glued, fields.count, p.count_raw,
                    "digits '" + r.glued_digits + "' moved back to the end of the name");
    }
  }
  if (!has_letter_or_digit(p.name)) {
    catalog::warn(warnings, WarningKind::paper_name_missing, fields.name, p.name, "no name");
  }
  p.mandatory = !catalog::is_optional_paper(p.name) && !(r.parsed && p.originals + p.copies == 0);
  return p;
}

bool rejoin_count_row(std::vector<catalog::Paper>& papers, std::string_view name,
                      std::string_view count, const PaperFields& fields,
                      catalog::Warnings& warnings) {
  if (papers.empty() || has_letter_or_digit(name)) return false;
  const catalog::CopyCountReading r = catalog::read_copy_count(count);
  if (!r.parsed) return false;
  catalog::Paper& previous = papers.back();
  if (previous.originals == 0) previous.originals = r.originals;
  if (previous.copies == 0) previous.copies = r.copies;
  previous.count_raw += "," + text::clean_text(count);
  previous.mandatory =
      !catalog::is_optional_paper(previous.name) && previous.originals + previous.copies > 0;
  catalog::warn(warnings, WarningKind::paper_count_rejoined, fields.name,
                text::clean_text(name) + " | " + text::clean_text(count),
                "a row without a name: its count belongs to the paper before");
  return true;
}

std::vector<PaperRow> join_bracket_splits(std::vector<PaperRow> rows, catalog::Warnings& warnings) {
  constexpr std::size_t kMaxJoined = 6;
  std::vector<PaperRow> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    PaperRow row = std::move(rows[i]);
    const std::string start = row.name;
    if (start.empty() || start.back() != '(') {
      out.push_back(std::move(row));
      continue;
    }
    const std::string bracket_count = row.count;
    auto depth = [](const std::string& s) {
      return std::count(s.begin(), s.end(), '(') - std::count(s.begin(), s.end(), ')');
    };
    row.name += row.count;
    std::size_t j = i + 1;
    while (j < rows.size() && j - i <= kMaxJoined && depth(row.name) > 0) {
      const std::string& next = rows[j].name;
      const bool glue = !next.empty() && (next[0] == ')' || next[0] == ',' || next[0] == ';');
      row.name += (glue ? "" : " ") + next;
      if (row.form.empty()) row.form = rows[j].form;
      // Still inside the brackets: this row's count is text of the name too.
      if (depth(row.name) > 0) row.name += " " + rows[j].count;
      row.count = rows[j].count;
      ++j;
    }
    const catalog::CopyCountReading last = catalog::read_copy_count(row.count);
    if (last.parsed && last.originals + last.copies == 0) row.count = bracket_count;
    catalog::warn(warnings, WarningKind::paper_split_rejoined, row.path, start,
                  std::to_string(j - i) + " rows joined back into one paper");
    out.push_back(std::move(row));
    i = j - 1;
  }
  return out;
}

void set_levels(catalog::Procedure& p, const std::vector<std::string>& names,
                const std::string& field, catalog::Warnings& warnings) {
  for (const std::string& name : names) {
    if (!p.levels_raw.empty() && !name.empty()) p.levels_raw += ", ";
    p.levels_raw += name;
  }
  const catalog::LevelsReading r = catalog::parse_level_list(p.levels_raw);
  p.levels = r.levels;
  for (const auto unknown : r.unknown) {
    catalog::warn(warnings, WarningKind::level_unknown, field, unknown, "unknown level");
  }
}

void finish(catalog::Procedure& p, catalog::Warnings& warnings) {
  if (!catalog::is_national_code(p.code)) {
    catalog::warn(warnings, WarningKind::code_unusual, "code", p.code,
                  "not of the national form 1.001193");
  }
  if (p.levels.empty()) {
    catalog::warn(warnings, WarningKind::level_missing, "levels", p.levels_raw, "no level");
  }
  if (p.implementing_agency.empty()) {
    catalog::warn(warnings, WarningKind::agency_missing, "implementing_agency", "",
                  "no implementing agency");
  }
  if (p.channels.empty()) {
    catalog::warn(warnings, WarningKind::channel_missing, "channels", "", "no channel row");
  }
  std::set<clock::LimitUnit> units;
  std::string seen;
  for (const catalog::ChannelTerms& c : p.channels) {
    if (!c.time.limit || !units.insert(c.time.limit->unit).second) continue;
    seen += (seen.empty() ? "" : " | ") + c.time.raw;
  }
  if (units.size() > 1) {
    catalog::warn(warnings, WarningKind::units_mixed, "channels", seen,
                  "channels use different units; each keeps its own");
  }
  p.online_service = catalog::infer_online_service(p);
}

}  // namespace motcua::codec::catalog_build
