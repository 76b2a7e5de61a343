// The payload of an outbox row of topic "mail", "sms" or "zalo" (docs/integrations.md, "Notices"):
// to whom, in which language, which template and its parameters. The planner
// (app/notifications) writes it; each channel's adapter reads it.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace motcua::codec {

struct NoticePayload {
  std::string to;    // e-mail address, or phone (+84… or 0…)
  std::string lang;  // vi | en
  std::string template_key;
  bool required = false;  // a notice the law requires: sent even when optional ones are off
  std::string dossier_id;
  std::map<std::string, std::string> params;
  std::map<std::string, std::vector<std::string>> list_params;
  // The dossier's status after the event that caused this notice (not after its whole batch);
  // empty for notices to officials.
  std::string status = {};
};

std::string notice_payload_to_text(const NoticePayload& payload);
NoticePayload notice_payload_from_text(const std::string& text);  // throws on non-JSON

}  // namespace motcua::codec
