#include "codec/received_papers.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

namespace json = boost::json;

std::string received_papers_to_text(const std::vector<ReceivedPaper>& papers) {
  json::array list;
  for (const auto& p : papers)
    list.push_back(
        json::object{{"name", p.name}, {"originals", p.originals}, {"copies", p.copies}});
  return json::serialize(json::object{{"papers", std::move(list)}});
}

std::optional<std::vector<ReceivedPaper>> received_papers_from_text(const std::string& text) {
  boost::system::error_code ec;
  const auto details = json::parse(text, ec);
  if (ec || !details.is_object()) return std::nullopt;
  const auto* papers = details.as_object().if_contains("papers");
  if (papers == nullptr || !papers->is_array()) return std::nullopt;
  std::vector<ReceivedPaper> out;
  for (const auto& item : papers->as_array()) {
    if (!item.is_object()) continue;
    const auto& o = item.as_object();
    ReceivedPaper p;
    if (const auto* n = o.if_contains("name"); n != nullptr && n->is_string())
      p.name = std::string(n->as_string());
    if (const auto* n = o.if_contains("originals"); n != nullptr && n->is_int64())
      p.originals = n->as_int64();
    if (const auto* n = o.if_contains("copies"); n != nullptr && n->is_int64())
      p.copies = n->as_int64();
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace motcua::codec
