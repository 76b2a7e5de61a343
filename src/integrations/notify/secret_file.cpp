#include "integrations/notify/secret_file.hpp"

#include <fstream>
#include <sstream>

namespace motcua::integrations {

std::optional<std::string> read_text_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<std::string> read_secret_file(const std::filesystem::path& file) {
  auto text = read_text_file(file);
  if (!text) return std::nullopt;
  const auto first = text->find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return std::nullopt;
  const auto last = text->find_last_not_of(" \t\r\n");
  return text->substr(first, last - first + 1);
}

}  // namespace motcua::integrations
