// The mail templates of data/notifications/mail-templates.json: per key and language a subject, a
// plain text and an HTML body. Everything a mail says comes from that file; this only fills it.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "integrations/notify/template_text.hpp"

namespace motcua::integrations {

struct MailText {
  std::string subject;
  std::string text;
  std::string html;
};

class MailTemplates {
 public:
  // Throws std::runtime_error naming the file when it cannot be read or is not templates.
  static MailTemplates load(const std::string& file);
  static MailTemplates parse(const std::string& json_text);

  bool has(const std::string& key) const { return templates_.count(key) > 0; }
  // The filled mail in `lang` (Vietnamese when the template has no such language); nullopt for an
  // unknown key. Parameters are HTML-escaped in the HTML body. A non-empty `unsubscribe_url` adds
  // the footer that lets the applicant switch optional notices off.
  std::optional<MailText> render(const std::string& key, const std::string& lang,
                                 const TemplateParams& params,
                                 const std::string& unsubscribe_url = {}) const;

 private:
  std::map<std::string, std::map<std::string, MailText>> templates_;  // key -> lang -> text
  std::map<std::string, MailText> unsubscribe_;                       // lang -> footer
};

}  // namespace motcua::integrations
