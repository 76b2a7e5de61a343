#include "workload.hpp"

#include <algorithm>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>
#include <cctype>
#include <sstream>
#include <stdexcept>

namespace motcua::load {

namespace asio = boost::asio;
namespace json = boost::json;

namespace {

// The steps of an online dossier after its submission, in order (docs/rules.md 7.1: approval only
// at the leader's step, which the processing official forwards to).
enum class Role { reception, processing, leader };
struct Step {
  const char* kind;
  const char* segment;
  Role role;
};
constexpr Step kSteps[] = {
    {"accept", "accept", Role::reception},        {"assign", "assign", Role::processing},
    {"forward", "forward", Role::processing},     {"approve", "approve", Role::leader},
    {"return", "return-result", Role::reception},
};
constexpr int kStepCount = static_cast<int>(std::size(kSteps));

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string string_field(const std::string& body, const char* name) {
  boost::system::error_code ec;
  const auto v = json::parse(body, ec);
  if (ec || !v.is_object()) return {};
  const auto* f = v.as_object().if_contains(name);
  return f && f->is_string() ? std::string(f->as_string()) : std::string();
}

// Percent-encoding of a query value (UTF-8 bytes as they are, everything but unreserved escaped).
std::string url_encoded(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

Workload::Workload(asio::io_context& io, Options options)
    : io_(io),
      o_(std::move(options)),
      server_(asio::ip::make_address(o_.host), static_cast<unsigned short>(o_.port)),
      rng_(o_.seed) {
  // Keys differ between runs against the same database (a key is remembered per actor).
  key_prefix_ = "load-" + std::to_string(std::random_device{}()) + "-" +
                std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
  if (!o_.journal.empty()) {
    journal_ = std::fopen(o_.journal.c_str(), "a");
    if (journal_ == nullptr) throw std::runtime_error("cannot open journal " + o_.journal);
  }
}

Workload::~Workload() {
  if (journal_ != nullptr) std::fclose(journal_);
}

Connection Workload::make_connection() {
  return Connection(io_.get_executor(), server_, std::chrono::seconds(30));
}

std::string Workload::new_key() { return key_prefix_ + "-" + std::to_string(++keys_); }

asio::awaitable<void> Workload::log_in_all() {
  Connection c = make_connection();
  const auto log_in = [&](const std::string& username) -> asio::awaitable<Session> {
    const auto body =
        json::serialize(json::object{{"username", username}, {"password", o_.password}});
    // A server still starting (or restarting) answers nothing yet: wait for it a while.
    Reply r;
    for (int attempt = 0; attempt < 200; ++attempt) {
      r = co_await c.request("POST", "/api/v1/session", body, nullptr, {});
      if (r.status != 0 && r.status < 500) break;
      asio::steady_timer pause(io_, std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::use_awaitable);
    }
    if (r.status != 200) {
      throw std::runtime_error("login of " + username + " failed (" + std::to_string(r.status) +
                               "): " + r.body);
    }
    co_return Session{r.set_cookie.substr(0, r.set_cookie.find(';')),
                      string_field(r.body, "csrf_token")};
  };
  for (const auto& name : o_.applicants) applicants_.push_back(co_await log_in(name));
  reception_ = co_await log_in("tiepnhan." + o_.commune);
  processing_ = co_await log_in("chuyenvien." + o_.commune);
  leader_ = co_await log_in("lanhdao." + o_.commune);
  if (o_.mix.search > 0) co_await load_search_queries(c);
}

// What a citizen types into the portal's search box: two to four consecutive words of a real
// procedure name, as written (with diacritics; the server folds them).
asio::awaitable<void> Workload::load_search_queries(Connection& c) {
  const auto r = co_await c.request("GET", "/api/v1/procedures?limit=200", {}, nullptr, {});
  boost::system::error_code ec;
  const auto v = json::parse(r.body, ec);
  if (ec || !v.is_array()) throw std::runtime_error("procedure list failed: " + r.body);
  for (const auto& item : v.as_array()) {
    const auto* name = item.is_object() ? item.as_object().if_contains("name") : nullptr;
    if (name == nullptr || !name->is_string()) continue;
    std::vector<std::string> words;
    std::istringstream in{std::string(name->as_string())};
    for (std::string w; in >> w;) words.push_back(w);
    if (words.size() < 2) continue;
    const auto length =
        std::min<std::size_t>(words.size(), std::uniform_int_distribution<std::size_t>(2, 4)(rng_));
    const auto start = std::uniform_int_distribution<std::size_t>(0, words.size() - length)(rng_);
    std::string q;
    for (std::size_t i = start; i < start + length; ++i) q += (q.empty() ? "" : " ") + words[i];
    searches_.push_back(url_encoded(q));
  }
  if (searches_.empty()) throw std::runtime_error("no procedure names to search for");
}

void Workload::journal(const char* kind, const std::string& dossier_id, const std::string& key,
                       int attempts, const Answer& answer) {
  if (journal_ == nullptr) return;
  const json::object line{{"kind", kind},
                          {"dossier", dossier_id},
                          {"key", key},
                          {"attempts", attempts},
                          {"status", answer.status},
                          {"dossier_status", string_field(answer.body, "status")}};
  // Written and flushed at once: the journal holds only what the server acknowledged.
  std::fputs((json::serialize(line) + "\n").c_str(), journal_);
  std::fflush(journal_);
}

asio::awaitable<Workload::Answer> Workload::write(Connection& c, Clock::time_point scheduled,
                                                  const char* kind, const std::string& target,
                                                  const std::string& body, const Session& who,
                                                  const std::string& dossier_id) {
  const std::string key = o_.keys ? new_key() : std::string{};
  const auto give_up = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                          std::chrono::duration<double>(o_.retry_seconds));
  Answer answer;
  for (int attempt = 1;; ++attempt) {
    auto r = co_await c.request("POST", target, body, &who, key, o_.minimal);
    answer = {r.status, std::move(r.body)};
    const bool retryable = r.status == 0 || r.status >= 500;
    if (retryable && Clock::now() < give_up) {
      // The server is gone or restarting: the same request again, with the same key.
      asio::steady_timer pause(io_, std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::use_awaitable);
      continue;
    }
    report_.record(kind, true, ms_since(scheduled), r.status);
    if (r.status / 100 == 2) {
      journal(kind, dossier_id.empty() ? string_field(answer.body, "id") : dossier_id, key, attempt,
              answer);
    }
    co_return answer;
  }
}

asio::awaitable<void> Workload::read(Connection& c, Clock::time_point scheduled, const char* kind,
                                     const std::string& target, const Session* who) {
  const auto r = co_await c.request("GET", target, {}, who, {});
  report_.record(kind, false, ms_since(scheduled), r.status);
}

asio::awaitable<void> Workload::submit(Connection& c, Clock::time_point scheduled) {
  const Session& who = applicants_[next_applicant_++ % applicants_.size()];
  const auto body = json::serialize(json::object{{"procedure_code", o_.procedure},
                                                 {"agency_id", o_.agency},
                                                 {"receiving_unit_id", o_.unit},
                                                 {"return_channel", "counter"}});
  const auto a = co_await write(c, scheduled, "submit", "/api/v1/dossiers", body, who, {});
  if (a.status / 100 == 2) waiting_.push_back({string_field(a.body, "id"), {}, 0});
}

asio::awaitable<void> Workload::advance(Connection& c, Clock::time_point scheduled) {
  if (waiting_.empty()) co_return co_await submit(c, scheduled);
  Dossier d = std::move(waiting_.front());
  waiting_.pop_front();
  const Step& step = kSteps[d.next];
  json::object body;
  switch (d.next) {
    case 1:  // the review step, by the processing official
      body = {{"official_id", "u-chuyenvien." + o_.commune}, {"step", "tham-dinh"}};
      break;
    case 2:
      body = {{"official_id", "u-lanhdao." + o_.commune}, {"step", "phe-duyet"}};
      break;
    case 3:
      body = {{"note", "Đủ điều kiện"}};
      break;
    case 4:
      body = {{"channel", "counter"}, {"receiver_name", "Nguyễn Văn An"}};
      break;
    default:
      break;
  }
  const Session& who = step.role == Role::reception    ? reception_
                       : step.role == Role::processing ? processing_
                                                       : leader_;
  const auto a =
      co_await write(c, scheduled, step.kind, "/api/v1/dossiers/" + d.id + "/" + step.segment,
                     json::serialize(body), who, d.id);
  // A dossier whose step was refused or never answered leaves the run: its state is unknown.
  if (a.status / 100 != 2) co_return;
  if (d.next == 0) {
    d.code = string_field(a.body, "code");
    // Public tracking needs the secret printed on the receipt (issue 18 point 4): the reception
    // official reads it once, as the counter prints it, and it is counted as a read of its own.
    if (!d.code.empty()) {
      const auto started = Clock::now();
      const auto r = co_await c.request("GET", "/api/v1/dossiers/" + d.id + "/tracking-secret", {},
                                        &reception_, {});
      report_.record("secret", false, ms_since(started), r.status);
      const std::string secret = string_field(r.body, "tracking_secret");
      if (!secret.empty()) codes_.push_back(d.code + "?secret=" + secret);
    }
  }
  if (++d.next < kStepCount) waiting_.push_back(std::move(d));
}

asio::awaitable<void> Workload::operate(Connection& c, Clock::time_point scheduled) {
  std::discrete_distribution<int> pick(
      {o_.mix.submit, o_.mix.advance, o_.mix.track, o_.mix.queue, o_.mix.stats, o_.mix.search});
  switch (pick(rng_)) {
    case 0:
      co_await submit(c, scheduled);
      break;
    case 1:
      co_await advance(c, scheduled);
      break;
    case 2:
      if (codes_.empty()) {
        co_await advance(c, scheduled);  // nothing to track yet
      } else {
        const auto& code =
            codes_[std::uniform_int_distribution<std::size_t>(0, codes_.size() - 1)(rng_)];
        co_await read(c, scheduled, "track", "/api/v1/track/" + code, nullptr);
      }
      break;
    case 3:
      co_await read(c, scheduled, "queue", "/api/v1/queue", &processing_);
      break;
    case 4:
      co_await read(c, scheduled, "stats", "/api/v1/statistics/on-time", nullptr);
      break;
    default: {
      const auto& q =
          searches_[std::uniform_int_distribution<std::size_t>(0, searches_.size() - 1)(rng_)];
      co_await read(c, scheduled, "search", "/api/v1/procedures?q=" + q, nullptr);
      break;
    }
  }
}

}  // namespace motcua::load
