#include "app/accounts/login_delays.hpp"

#include <algorithm>

#include "store/login_failures.hpp"

namespace motcua::app {
namespace {

// A newline occurs neither in a username (validated at sign-up) nor in an address.
std::string pair_key(const std::string& username, const std::string& client) {
  return username + "\n" + client;
}

}  // namespace

std::int64_t LoginDelay::retry_after(store::SqlConnection& db, const std::string& key,
                                     std::int64_t now_s) const {
  const auto window = store::find_login_failures(db, scope_, key);
  if (!window || now_s - window->window_start >= policy_.window_s) return 0;
  const std::int64_t over = window->failures - policy_.free_failures;
  if (over < 0) return 0;
  std::int64_t delay = policy_.first_delay_s;
  for (std::int64_t i = 0; i < over && delay < policy_.max_delay_s; ++i) delay *= 2;
  delay = std::min(delay, policy_.max_delay_s);
  return std::max<std::int64_t>(0, window->last_failure + delay - now_s);
}

void LoginDelay::record_failure(store::SqlConnection& db, const std::string& key,
                                std::int64_t now_s) const {
  store::add_login_failure(db, scope_, key, now_s, policy_.window_s);
}

void LoginDelay::record_success(store::SqlConnection& db, const std::string& key) const {
  store::clear_login_failures(db, scope_, key);
}

std::int64_t LoginDelays::retry_after(store::SqlConnection& db, const std::string& username,
                                      const std::string& client, std::int64_t now_s) const {
  return std::max({user_at_client_.retry_after(db, pair_key(username, client), now_s),
                   user_.retry_after(db, username, now_s), client_.retry_after(db, client, now_s)});
}

void LoginDelays::record_failure(store::SqlConnection& db, const std::string& username,
                                 const std::string& client, std::int64_t now_s) const {
  user_at_client_.record_failure(db, pair_key(username, client), now_s);
  user_.record_failure(db, username, now_s);
  client_.record_failure(db, client, now_s);
}

void LoginDelays::record_success(store::SqlConnection& db, const std::string& username,
                                 const std::string& client) const {
  user_at_client_.record_success(db, pair_key(username, client));
  user_.record_success(db, username);
}

}  // namespace motcua::app
