#include "integrations/notify/template_file.hpp"

#include <boost/json.hpp>

#include "integrations/notify/secret_file.hpp"

namespace motcua::integrations {

tl::expected<boost::json::object, std::string> read_template_file(
    const std::filesystem::path& file) {
  const auto text = read_text_file(file);
  if (!text) return tl::unexpected("cannot read " + file.string());
  boost::system::error_code ec;
  auto value = boost::json::parse(*text, ec);
  if (!ec && value.is_object()) {
    if (auto* t = value.as_object().if_contains("templates"); t && t->is_object())
      return std::move(t->as_object());
  }
  return tl::unexpected(file.string() + ": needs a \"templates\" object");
}

}  // namespace motcua::integrations
