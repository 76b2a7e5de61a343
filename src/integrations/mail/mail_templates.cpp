#include "integrations/mail/mail_templates.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "domain/text/markup.hpp"

namespace motcua::integrations {

namespace json = boost::json;

namespace {

std::string text_of(const json::object& o, const char* name) {
  const auto* v = o.if_contains(name);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::map<std::string, MailText> languages(const json::object& o) {
  std::map<std::string, MailText> out;
  for (const auto& [lang, value] : o) {
    if (!value.is_object()) continue;
    const auto& t = value.as_object();
    out[std::string(lang)] =
        MailText{text_of(t, "subject"), text_of(t, "text"), text_of(t, "html")};
  }
  return out;
}

TemplateParams escaped(const TemplateParams& params) {
  TemplateParams out;
  for (const auto& [name, value] : params.text) out.text[name] = text::escape_markup(value);
  for (const auto& [name, list] : params.lists) {
    auto& target = out.lists[name];
    for (const auto& item : list) target.push_back(text::escape_markup(item));
  }
  return out;
}

const MailText* in_language(const std::map<std::string, MailText>& by_lang,
                            const std::string& lang) {
  if (auto it = by_lang.find(lang); it != by_lang.end()) return &it->second;
  if (auto it = by_lang.find("vi"); it != by_lang.end()) return &it->second;
  return nullptr;
}

}  // namespace

MailTemplates MailTemplates::parse(const std::string& json_text) {
  json::error_code ec;
  const auto root = json::parse(json_text, ec);
  if (ec || !root.is_object() || !root.as_object().contains("templates") ||
      !root.at("templates").is_object())
    throw std::runtime_error("mail templates: not an object with \"templates\"");
  MailTemplates out;
  for (const auto& [key, value] : root.at("templates").as_object()) {
    if (value.is_object()) out.templates_[std::string(key)] = languages(value.as_object());
  }
  if (const auto* u = root.as_object().if_contains("unsubscribe"); u && u->is_object())
    out.unsubscribe_ = languages(u->as_object());
  return out;
}

MailTemplates MailTemplates::load(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("mail templates: cannot read " + file);
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return parse(text.str());
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(std::string(e.what()) + " (" + file + ")");
  }
}

std::optional<MailText> MailTemplates::render(const std::string& key, const std::string& lang,
                                              const TemplateParams& params,
                                              const std::string& unsubscribe_url) const {
  const auto it = templates_.find(key);
  if (it == templates_.end()) return std::nullopt;
  const MailText* t = in_language(it->second, lang);
  if (!t) return std::nullopt;
  const auto html_params = escaped(params);
  // A list reads as one line in a subject, as bullet lines in text and as items in HTML.
  MailText out{fill_template(t->subject, params, "; "), fill_template(t->text, params, "\n- "),
               fill_template(t->html, html_params, "</li><li>")};
  if (!unsubscribe_url.empty()) {
    if (const MailText* footer = in_language(unsubscribe_, lang)) {
      TemplateParams link;
      link.text["unsubscribe_url"] = unsubscribe_url;
      out.text += fill_template(footer->text, link);
      link.text["unsubscribe_url"] = text::escape_markup(unsubscribe_url);
      out.html += fill_template(footer->html, link);
    }
  }
  return out;
}

}  // namespace motcua::integrations
