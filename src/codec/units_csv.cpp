#include "codec/units_csv.hpp"

#include <array>
#include <charconv>
#include <fstream>
#include <initializer_list>
#include <map>
#include <set>
#include <sstream>
#include <utility>

namespace motcua::codec {

// ---- CSV -------------------------------------------------------------------------------------

tl::expected<std::vector<CsvRecord>, CsvError> parse_csv(std::string_view text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  const std::size_t n = text.size();
  auto at_line_end = [&](std::size_t pos) {
    return text[pos] == '\n' || (text[pos] == '\r' && pos + 1 < n && text[pos + 1] == '\n');
  };
  std::vector<CsvRecord> records;
  std::size_t pos = 0;
  std::size_t line = 1;
  while (pos < n) {
    CsvRecord record;
    record.line = line;
    while (true) {
      std::string field;
      if (text[pos] == '"') {
        const std::size_t opened = line;
        for (++pos;; ++pos) {
          if (pos >= n) return tl::unexpected(CsvError{opened, "unterminated quoted field"});
          if (text[pos] == '"') {
            if (pos + 1 < n && text[pos + 1] == '"') {
              field += '"';
              ++pos;
              continue;
            }
            ++pos;
            break;
          }
          if (text[pos] == '\n') ++line;
          field += text[pos];
        }
        if (pos < n && text[pos] != ',' && !at_line_end(pos)) {
          return tl::unexpected(CsvError{line, "unexpected character after a closing quote"});
        }
      } else {
        for (; pos < n && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r'; ++pos) {
          if (text[pos] == '"') {
            return tl::unexpected(CsvError{line, "quote inside an unquoted field"});
          }
          field += text[pos];
        }
        if (pos < n && text[pos] == '\r' && !at_line_end(pos)) {
          return tl::unexpected(CsvError{line, "carriage return without a line feed"});
        }
      }
      record.fields.push_back(std::move(field));
      if (pos >= n) break;
      if (text[pos] == ',') {
        ++pos;
        if (pos < n) continue;
        record.fields.emplace_back();  // "a," at the very end: an empty last field
        break;
      }
      pos += text[pos] == '\r' ? 2 : 1;  // CRLF or LF
      ++line;
      break;
    }
    records.push_back(std::move(record));
  }
  return records;
}

// ---- Administrative units --------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 9> kProvinceColumns = {
    "code",      "name",      "name_en",      "full_name", "full_name_en",
    "code_name", "unit_type", "unit_type_en", "ward_count"};
constexpr std::array<std::string_view, 9> kWardColumns = {
    "code",      "name",          "name_en",   "full_name",   "full_name_en",
    "code_name", "province_code", "unit_type", "unit_type_en"};

// A CSV file whose header has been matched against the columns a reader needs.
struct Table {
  std::string source;
  std::vector<CsvRecord> rows;     // without the header
  std::vector<std::size_t> index;  // position of each needed column in a row

  const std::string& get(const CsvRecord& row, std::size_t column) const {
    return row.fields[index[column]];
  }
  std::string at(const CsvRecord& row) const {
    return source + " line " + std::to_string(row.line);
  }
};

template <std::size_t N>
tl::expected<Table, std::string> read_table(std::string_view text, std::string source,
                                            const std::array<std::string_view, N>& columns) {
  auto records = parse_csv(text);
  if (!records) {
    return tl::unexpected(source + " line " + std::to_string(records.error().line) + ": " +
                          records.error().message);
  }
  if (records->empty()) return tl::unexpected(source + ": the file is empty");
  Table table{std::move(source), {}, {}};
  const std::vector<std::string>& header = records->front().fields;
  for (std::string_view column : columns) {
    std::size_t i = 0;
    while (i < header.size() && header[i] != column) ++i;
    if (i == header.size()) {
      return tl::unexpected(table.source + " line 1: missing column '" + std::string(column) + "'");
    }
    table.index.push_back(i);
  }
  for (std::size_t r = 1; r < records->size(); ++r) {
    CsvRecord& row = (*records)[r];
    if (row.fields.size() != header.size()) {
      return tl::unexpected(table.at(row) + ": expected " + std::to_string(header.size()) +
                            " fields, found " + std::to_string(row.fields.size()));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

bool is_code(std::string_view code, std::size_t digits) {
  if (code.size() != digits) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool one_of(std::string_view value, std::initializer_list<std::string_view> allowed) {
  for (std::string_view a : allowed) {
    if (value == a) return true;
  }
  return false;
}

std::string edition_file(std::string_view kind, Date effective) {
  return "vn-" + std::string(kind) + "-" + to_iso(effective) + ".csv";
}

// Every column of a row, by name, for comparing editions.
using Columns = std::vector<std::pair<std::string_view, std::string>>;

Columns columns_of(const ProvinceRow& p) {
  return {{"name", p.name},
          {"name_en", p.name_en},
          {"full_name", p.full_name},
          {"full_name_en", p.full_name_en},
          {"code_name", p.code_name},
          {"unit_type", p.unit_type},
          {"unit_type_en", p.unit_type_en},
          {"ward_count", std::to_string(p.ward_count)}};
}

Columns columns_of(const WardRow& w) {
  return {{"name", w.name},           {"name_en", w.name_en},
          {"full_name", w.full_name}, {"full_name_en", w.full_name_en},
          {"code_name", w.code_name}, {"province_code", w.province_code},
          {"unit_type", w.unit_type}, {"unit_type_en", w.unit_type_en}};
}

}  // namespace

tl::expected<UnitsEdition, std::string> parse_units_edition(std::string_view provinces_csv,
                                                            std::string_view wards_csv,
                                                            Date effective) {
  auto provinces =
      read_table(provinces_csv, edition_file("provinces", effective), kProvinceColumns);
  if (!provinces) return tl::unexpected(provinces.error());
  auto wards = read_table(wards_csv, edition_file("wards", effective), kWardColumns);
  if (!wards) return tl::unexpected(wards.error());

  UnitsEdition edition;
  edition.effective = effective;
  std::map<std::string, std::size_t, std::less<>> province_index;
  for (const CsvRecord& row : provinces->rows) {
    const Table& t = *provinces;
    ProvinceRow p{t.get(row, 0), t.get(row, 1), t.get(row, 2),
                  t.get(row, 3), t.get(row, 4), t.get(row, 5),
                  t.get(row, 6), t.get(row, 7), 0};
    const std::string& count = t.get(row, 8);
    const auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), p.ward_count);
    if (!is_code(p.code, 2)) {
      return tl::unexpected(t.at(row) + ": bad province code '" + p.code + "'");
    }
    if (p.full_name.empty()) return tl::unexpected(t.at(row) + ": empty full_name");
    if (!one_of(p.unit_type, {"Tỉnh", "Thành phố"})) {
      return tl::unexpected(t.at(row) + ": unknown province unit_type '" + p.unit_type + "'");
    }
    if (ec != std::errc() || end != count.data() + count.size() || p.ward_count < 0) {
      return tl::unexpected(t.at(row) + ": bad ward_count '" + count + "'");
    }
    if (!province_index.emplace(p.code, edition.provinces.size()).second) {
      return tl::unexpected(t.at(row) + ": province code " + p.code + " listed twice");
    }
    edition.provinces.push_back(std::move(p));
  }

  std::vector<int> listed(edition.provinces.size(), 0);
  std::set<std::string, std::less<>> ward_codes;
  for (const CsvRecord& row : wards->rows) {
    const Table& t = *wards;
    WardRow w{t.get(row, 0), t.get(row, 1), t.get(row, 2), t.get(row, 3), t.get(row, 4),
              t.get(row, 5), t.get(row, 6), t.get(row, 7), t.get(row, 8)};
    if (!is_code(w.code, 5)) {
      return tl::unexpected(t.at(row) + ": bad commune code '" + w.code + "'");
    }
    if (w.full_name.empty()) return tl::unexpected(t.at(row) + ": empty full_name");
    if (!one_of(w.unit_type, {"Xã", "Phường", "Đặc khu"})) {
      return tl::unexpected(t.at(row) + ": unknown commune unit_type '" + w.unit_type + "'");
    }
    const auto province = province_index.find(w.province_code);
    if (province == province_index.end()) {
      return tl::unexpected(t.at(row) + ": province " + w.province_code + " is not listed");
    }
    if (!ward_codes.insert(w.code).second) {
      return tl::unexpected(t.at(row) + ": commune code " + w.code + " listed twice");
    }
    ++listed[province->second];
    edition.wards.push_back(std::move(w));
  }
  for (std::size_t i = 0; i < edition.provinces.size(); ++i) {
    const ProvinceRow& p = edition.provinces[i];
    if (p.ward_count == listed[i]) continue;
    return tl::unexpected(provinces->source + ": province " + p.code + " has ward_count " +
                          std::to_string(p.ward_count) + " but " + wards->source + " lists " +
                          std::to_string(listed[i]));
  }
  return edition;
}

tl::expected<UnitsEdition, std::string> load_units_edition(const std::filesystem::path& dir,
                                                           Date effective) {
  std::array<std::string, 2> texts;
  const std::array<std::string, 2> names = {edition_file("provinces", effective),
                                            edition_file("wards", effective)};
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::ifstream in(dir / names[i], std::ios::binary);
    if (!in) return tl::unexpected("cannot read " + (dir / names[i]).string());
    std::ostringstream content;
    content << in.rdbuf();
    texts[i] = std::move(content).str();
  }
  return parse_units_edition(texts[0], texts[1], effective);
}

std::string province_agency_id(std::string_view gso_code) {
  return "province-" + std::string(gso_code);
}

std::string commune_agency_id(std::string_view gso_code) {
  return "commune-" + std::string(gso_code);
}

namespace {

// Folds the editions into one list of agencies, one per GSO code over all editions.
class Merger {
 public:
  tl::expected<void, std::string> add(const UnitsEdition& edition) {
    std::set<std::string> present;
    for (const ProvinceRow& p : edition.provinces) {
      agency::Agency a{province_agency_id(p.code),   p.code, p.full_name,       p.full_name_en,
                       agency::AgencyKind::province, "",     edition.effective, std::nullopt};
      present.insert(a.id);
      if (auto done = upsert(std::move(a), columns_of(p), edition.effective); !done) return done;
    }
    for (const WardRow& w : edition.wards) {
      agency::Agency a{commune_agency_id(w.code),
                       w.code,
                       w.full_name,
                       w.full_name_en,
                       agency::AgencyKind::commune,
                       province_agency_id(w.province_code),
                       edition.effective,
                       std::nullopt};
      present.insert(a.id);
      if (auto done = upsert(std::move(a), columns_of(w), edition.effective); !done) return done;
    }
    for (auto& a : agencies_) {
      if (!a.valid_to && !present.contains(a.id)) a.valid_to = edition.effective;
    }
    return {};
  }

  std::vector<agency::Agency> take_agencies() { return std::move(agencies_); }
  std::vector<UnitChange> take_changes() { return std::move(changes_); }

 private:
  tl::expected<void, std::string> upsert(agency::Agency fresh, Columns columns, Date effective) {
    const auto found = index_.find(fresh.id);
    if (found == index_.end()) {
      index_.emplace(fresh.id, agencies_.size());
      last_columns_.emplace(fresh.id, std::move(columns));
      agencies_.push_back(std::move(fresh));
      return {};
    }
    agency::Agency& known = agencies_[found->second];
    if (known.valid_to) {
      return tl::unexpected(fresh.id + " was dropped on " + to_iso(*known.valid_to) +
                            " and listed again on " + to_iso(effective) + ": not supported");
    }
    if (known.parent_id != fresh.parent_id) {
      return tl::unexpected(fresh.id + " moves from " + known.parent_id + " to " + fresh.parent_id +
                            " on " + to_iso(effective) + ": not supported");
    }
    Columns& before = last_columns_[fresh.id];
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (before[i].second != columns[i].second) {
        changes_.push_back(UnitChange{fresh.id, effective, std::string(columns[i].first),
                                      before[i].second, columns[i].second});
      }
    }
    before = std::move(columns);
    known.name = std::move(fresh.name);
    known.name_en = std::move(fresh.name_en);
    return {};
  }

  std::vector<agency::Agency> agencies_;
  std::map<std::string, std::size_t> index_;
  std::map<std::string, Columns> last_columns_;
  std::vector<UnitChange> changes_;
};

}  // namespace

tl::expected<UnitsImport, std::string> import_units(std::span<const UnitsEdition> editions) {
  if (editions.empty()) return tl::unexpected(std::string("no edition of the units to import"));
  Merger merger;
  for (std::size_t i = 0; i < editions.size(); ++i) {
    if (i > 0 && editions[i].effective <= editions[i - 1].effective) {
      return tl::unexpected(
          "editions must be in increasing date order: " + to_iso(editions[i].effective) +
          " follows " + to_iso(editions[i - 1].effective));
    }
    if (auto added = merger.add(editions[i]); !added) return tl::unexpected(added.error());
  }
  auto tree = agency::AgencyTree::build(merger.take_agencies());
  if (!tree) {
    std::string message = "the units do not form a valid agency tree:";
    for (std::size_t i = 0; i < tree.error().size() && i < 5; ++i) {
      message += " " + tree.error()[i].message_en + ";";
    }
    if (tree.error().size() > 5) {
      message += " and " + std::to_string(tree.error().size() - 5) + " more";
    }
    return tl::unexpected(message);
  }
  return UnitsImport{std::move(*tree), merger.take_changes()};
}

}  // namespace motcua::codec
