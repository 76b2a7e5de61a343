// Reads the rule-case tables under tests/cases/: tab-separated, '#' comment lines, blank lines
// ignored, the first other line is the header. Rows come back as column-name -> text maps.
#pragma once

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace motcua::testing {

struct TableRow {
  int line = 0;
  std::map<std::string, std::string> cells;
  const std::string& at(const std::string& column) const {
    const auto it = cells.find(column);
    if (it == cells.end()) throw std::runtime_error("no column " + column);
    return it->second;
  }
};

inline std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> parts;
  std::stringstream in(line);
  std::string part;
  while (std::getline(in, part, '\t')) parts.push_back(part);
  return parts;
}

inline std::vector<TableRow> read_table(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<std::string> header;
  std::vector<TableRow> rows;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    auto parts = split_tabs(line);
    if (header.empty()) {
      header = parts;
      continue;
    }
    if (parts.size() != header.size()) {
      throw std::runtime_error(path + ":" + std::to_string(number) + ": expected " +
                               std::to_string(header.size()) + " columns");
    }
    TableRow row{number, {}};
    for (std::size_t i = 0; i < header.size(); ++i) row.cells[header[i]] = parts[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace motcua::testing
