#include "codec/labelled_answers.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

namespace motcua::codec {

namespace {

tl::expected<std::string, std::string> read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return tl::unexpected("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string text_field(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

tl::expected<std::vector<engagement::LabelledAnswer>, std::string> parse_labelled_answers(
    std::string_view jsonl) {
  std::vector<engagement::LabelledAnswer> out;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < jsonl.size()) {
    auto end = jsonl.find('\n', start);
    if (end == std::string_view::npos) end = jsonl.size();
    const auto line = jsonl.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const auto where = "line " + std::to_string(line_number) + ": ";
    boost::system::error_code ec;
    const auto value = boost::json::parse(line, ec);
    if (ec || !value.is_object()) return tl::unexpected(where + "not a JSON object");
    const auto& o = value.as_object();
    engagement::LabelledAnswer item;
    item.id = text_field(o, "id");
    item.question = text_field(o, "question");
    item.procedure = text_field(o, "procedure");
    item.answer = text_field(o, "answer");
    item.source = text_field(o, "source");
    const auto label = text_field(o, "label");
    const auto origin = text_field(o, "origin");
    if (item.id.empty() || item.answer.empty())
      return tl::unexpected(where + "'id' and 'answer' are required");
    if (label != "specific" && label != "generic")
      return tl::unexpected(where + "'label' must be specific or generic");
    if (origin != "published" && origin != "derived")
      return tl::unexpected(where + "'origin' must be published or derived");
    if (item.source.empty()) return tl::unexpected(where + "'source' is required");
    item.generic = label == "generic";
    item.derived = origin == "derived";
    out.push_back(std::move(item));
  }
  return out;
}

tl::expected<std::vector<engagement::LabelledAnswer>, std::string> read_labelled_answers(
    const std::filesystem::path& path) {
  auto text = read_text(path);
  if (!text) return tl::unexpected(text.error());
  auto items = parse_labelled_answers(*text);
  if (!items) return tl::unexpected(path.string() + ": " + items.error());
  return items;
}

tl::expected<engagement::Boilerplate, std::string> read_boilerplate(
    const std::filesystem::path& path) {
  auto text = read_text(path);
  if (!text) return tl::unexpected(text.error());
  return engagement::parse_boilerplate(*text);
}

}  // namespace motcua::codec
