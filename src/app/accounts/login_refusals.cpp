#include "app/accounts/login_refusals.hpp"

#include "app/accounts/accounts.hpp"
#include "codec/admin_audit_json.hpp"
#include "store/audit_log.hpp"
#include "store/login_failures.hpp"

namespace motcua::app {

namespace {

constexpr const char* kScope = "login_refused";
constexpr std::size_t kMaxTrackedPairs = 10000;

// A separator no username or address contains.
std::string pair_key(const std::string& username, const std::string& client_address) {
  return username + '\x1f' + client_address;
}

}  // namespace

bool LoginRefusals::audited(store::SqlConnection& db, const std::string& username,
                            const std::string& client_address, std::int64_t now_s) const {
  const auto window = store::find_login_failures(db, kScope, pair_key(username, client_address));
  return window && now_s - window->window_start < window_s_;
}

void LoginRefusals::count_suppressed(const std::string& username,
                                     const std::string& client_address) {
  const std::scoped_lock lock(mutex_);
  const auto key = pair_key(username, client_address);
  const auto it = suppressed_.find(key);
  if (it != suppressed_.end()) {
    ++it->second;
  } else if (suppressed_.size() < kMaxTrackedPairs) {
    suppressed_.emplace(key, 1);
  }
}

std::int64_t LoginRefusals::take_suppressed(const std::string& key) {
  const std::scoped_lock lock(mutex_);
  const auto it = suppressed_.find(key);
  if (it == suppressed_.end()) return 0;
  const auto n = it->second;
  suppressed_.erase(it);
  return n;
}

void LoginRefusals::audit(store::SqlConnection& db, const std::string& username,
                          const std::string& client_address, std::int64_t now_s,
                          const std::string& now_iso) {
  // Write jobs run one at a time, so this second look is exact.
  if (audited(db, username, client_address, now_s)) {
    count_suppressed(username, client_address);
    return;
  }
  const auto key = pair_key(username, client_address);
  store::add_login_failure(db, kScope, key, now_s, window_s_);
  store::append_audit(db, {0, "anonymous", now_iso, "session.login_throttled", "session",
                           "too many failed logins / đăng nhập sai quá nhiều lần",
                           codec::login_refusal_details(audited_name(username), client_address,
                                                        take_suppressed(key))});
}

}  // namespace motcua::app
