#include "app/admin/key_register.hpp"

#include <map>
#include <sstream>

#include "store/audit_log.hpp"
#include "store/installation_settings.hpp"

namespace motcua::app {
namespace {

constexpr const char* kSetting = "keys_in_use";

// One "name fingerprint" line per key: names and fingerprints hold no spaces or line breaks.
std::map<std::string, std::string> parse(const std::string& text) {
  std::map<std::string, std::string> keys;
  std::istringstream lines(text);
  std::string name, fingerprint;
  while (lines >> name >> fingerprint) keys[name] = fingerprint == "-" ? "" : fingerprint;
  return keys;
}

std::string format(const std::map<std::string, std::string>& keys) {
  std::string out;
  for (const auto& [name, fingerprint] : keys) {
    out += name + " " + (fingerprint.empty() ? "-" : fingerprint) + "\n";
  }
  return out;
}

// Names come from the server's own configuration; anything that could break the line format or the
// JSON of the audit details is replaced.
std::string safe(std::string text) {
  for (auto& c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '_';
    if (!ok) c = '_';
  }
  return text;
}

std::string details(const std::string& before, const std::string& after) {
  return R"({"before":")" + before + R"(","after":")" + after + R"("})";
}

}  // namespace

std::vector<KeyChange> record_keys_in_use(store::SqlConnection& db,
                                          const std::vector<KeyInUse>& keys,
                                          const std::string& now_iso) {
  const auto before = parse(store::installation_setting(db, kSetting).value_or(""));
  std::map<std::string, std::string> now;
  for (const auto& k : keys) now[safe(k.name)] = safe(k.fingerprint);

  std::vector<KeyChange> changes;
  for (const auto& [name, fingerprint] : now) {
    const auto old = before.find(name);
    if (old == before.end()) {
      changes.push_back({name, "", fingerprint});
    } else if (old->second != fingerprint) {
      changes.push_back({name, old->second, fingerprint});
    }
  }
  for (const auto& [name, fingerprint] : before) {
    if (!now.contains(name)) changes.push_back({name, fingerprint, ""});
  }
  for (const auto& c : changes) {
    const bool first = !before.contains(c.name);
    const bool retired = !now.contains(c.name);
    const char* action = first ? "key.first_used" : retired ? "key.retired" : "key.changed";
    const char* reason = first ? "khóa mới được dùng khi khởi động / key first used at start-up"
                         : retired ? "khóa không còn được dùng / key no longer in use"
                                   : "khóa đã được thay / key replaced";
    store::append_audit(
        db, {0, "serve", now_iso, action, "key:" + c.name, reason, details(c.before, c.after)});
  }
  if (!changes.empty() || !store::installation_setting(db, kSetting)) {
    store::set_installation_setting(db, kSetting, format(now));
  }
  return changes;
}

}  // namespace motcua::app
