// The dossier workload over the REST API, closed loop: each client takes a dossier in at the
// counter, assigns it, forwards it to the leader's step, approves it and returns the result (five
// durable state changes, each one committed event) as fast as the server answers, on a kept-alive
// connection per client.
//
//   rest_workload --port 8080 --clients 64 --seconds 20
//
// With `--mode track --code CODE?secret=SECRET` it reads public tracking instead (answers counted
// as "changes"; the secret printed on the receipt is part of the lookup).
// With `--dossiers N` the clients together start exactly N dossiers and stop (the seconds stay a
// cap): a fixed amount of work, for measuring the database's growth (scripts/bench-storage).
//
// It logs in once per role (reception, processing, leader of one commune of the demo province)
// and shares the sessions. Output: one JSON line with the changes per second, latency
// percentiles and errors. fsyncs per change are counted from outside (scripts/bench-rest-workload
// attaches `perf stat` to the server).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace json = boost::json;
using Clock = std::chrono::steady_clock;

struct Response {
  int status = 0;
  std::string body;
  std::string set_cookie;
};

// One kept-alive HTTP/1.1 connection; reconnects when the server closed it.
class Connection {
 public:
  explicit Connection(int port) : port_(port) {}
  ~Connection() { close_fd(); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Response request(const std::string& method, const std::string& target, const std::string& body,
                   const std::string& cookie, const std::string& csrf) {
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!cookie.empty()) req += "Cookie: " + cookie + "\r\n";
    if (!csrf.empty()) req += "X-CSRF-Token: " + csrf + "\r\n";
    if (method != "GET") {
      req += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
             "\r\n";
    }
    req += "\r\n" + body;
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (fd_ < 0) open_fd();
      if (send_all(req)) {
        Response r;
        if (read_response(r)) return r;
      }
      close_fd();  // the server closed a kept-alive connection: once more on a new one
    }
    throw std::runtime_error("request failed: " + method + " " + target);
  }

 private:
  void open_fd() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      close_fd();
      throw std::runtime_error("connect failed");
    }
    buffer_.clear();
  }
  void close_fd() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  bool send_all(const std::string& data) {
    for (std::size_t sent = 0; sent < data.size();) {
      const auto n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }
  bool fill() {
    char chunk[65536];
    const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }
  static std::string header_value(const std::string& head, const std::string& lower_name) {
    std::string lower = head;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto at = lower.find("\r\n" + lower_name + ":");
    if (at == std::string::npos) return {};
    auto start = at + 3 + lower_name.size();
    while (start < head.size() && head[start] == ' ') ++start;
    return head.substr(start, head.find("\r\n", start) - start);
  }
  bool read_response(Response& r) {
    std::size_t head_end;
    while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill()) return false;
    }
    const std::string head = buffer_.substr(0, head_end);
    r.status = std::stoi(head.substr(9, 3));
    r.set_cookie = header_value(head, "set-cookie");
    const std::size_t length = std::stoul("0" + header_value(head, "content-length"));
    while (buffer_.size() < head_end + 4 + length) {
      if (!fill()) return false;
    }
    r.body = buffer_.substr(head_end + 4, length);
    buffer_.erase(0, head_end + 4 + length);
    if (header_value(head, "connection") == "close") close_fd();
    return true;
  }

  int port_;
  int fd_ = -1;
  std::string buffer_;
};

struct Session {
  std::string cookie;
  std::string csrf;
};

Session log_in(int port, const std::string& username) {
  Connection c(port);
  const auto r = c.request(
      "POST", "/api/v1/session",
      json::serialize(json::object{{"username", username}, {"password", "motcua-demo-2026"}}), {},
      {});
  if (r.status != 200) throw std::runtime_error("login failed for " + username + ": " + r.body);
  return {r.set_cookie.substr(0, r.set_cookie.find(';')),
          std::string(json::parse(r.body).at("csrf_token").as_string())};
}

struct Options {
  int port = 8080;
  std::string mode = "dossiers";  // or "track": public tracking lookups of --code
  std::string code;
  int clients = 8;
  double seconds = 10;
  std::int64_t dossiers = 0;  // 0: as many as fit in the seconds
  std::string commune = "hoalu";
  std::string agency = "commune-14329";
  std::string unit = "mc-14329";
  std::string procedure = "1.001193";
};

struct ClientResult {
  std::vector<double> latencies_ms;
  std::uint64_t changes = 0;
  std::uint64_t errors = 0;
};

// Dossiers started by all clients together, against Options::dossiers.
std::atomic<std::int64_t> started{0};

void run_client(const Options& o, const Session& reception, const Session& processing,
                const Session& leader, Clock::time_point end, ClientResult& out) {
  Connection c(o.port);
  const auto timed = [&](const std::string& target, const json::object& body,
                         const Session& who) -> std::optional<json::value> {
    const auto start = Clock::now();
    Response r;
    try {
      r = c.request("POST", target, json::serialize(body), who.cookie, who.csrf);
    } catch (const std::exception&) {
      ++out.errors;
      return std::nullopt;
    }
    out.latencies_ms.push_back(
        std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (r.status / 100 != 2) {
      ++out.errors;
      return std::nullopt;
    }
    ++out.changes;
    return json::parse(r.body);
  };
  while (Clock::now() < end) {
    if (o.dossiers > 0 && started.fetch_add(1) >= o.dossiers) break;
    const auto created = timed("/api/v1/dossiers",
                               {{"procedure_code", o.procedure},
                                {"agency_id", o.agency},
                                {"receiving_unit_id", o.unit},
                                {"channel", "counter"},
                                {"return_channel", "counter"},
                                {"applicant", {{"name", "Nguyễn Văn Tải"}}}},
                               reception);
    if (!created) continue;
    const std::string base = "/api/v1/dossiers/" + std::string(created->at("id").as_string()) + "/";
    if (!timed(base + "assign", {{"official_id", "u-chuyenvien." + o.commune}}, processing)) {
      continue;
    }
    // The internal process: approval only at the leader's step (docs/rules.md 7.1).
    if (!timed(base + "forward", {{"official_id", "u-lanhdao." + o.commune}, {"step", "phe-duyet"}},
               processing)) {
      continue;
    }
    if (!timed(base + "approve", {{"note", "Đủ điều kiện"}}, leader)) continue;
    timed(base + "return-result", {{"channel", "counter"}, {"receiver_name", "Nguyễn Văn Tải"}},
          reception);
  }
}

// Public tracking lookups (GET /api/v1/track/{code}) as fast as the server answers.
void run_tracker(const Options& o, Clock::time_point end, ClientResult& out) {
  Connection c(o.port);
  while (Clock::now() < end) {
    const auto start = Clock::now();
    Response r;
    try {
      r = c.request("GET", "/api/v1/track/" + o.code, {}, {}, {});
    } catch (const std::exception&) {
      ++out.errors;
      continue;
    }
    out.latencies_ms.push_back(
        std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (r.status == 200) {
      ++out.changes;
    } else {
      ++out.errors;
    }
  }
}

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  const auto k = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    const std::string value = argv[i + 1];
    if (key == "--port")
      o.port = std::stoi(value);
    else if (key == "--clients")
      o.clients = std::stoi(value);
    else if (key == "--seconds")
      o.seconds = std::stod(value);
    else if (key == "--dossiers")
      o.dossiers = std::stoll(value);
    else if (key == "--commune")
      o.commune = value;
    else if (key == "--agency")
      o.agency = value;
    else if (key == "--unit")
      o.unit = value;
    else if (key == "--procedure")
      o.procedure = value;
    else if (key == "--mode")
      o.mode = value;
    else if (key == "--code")
      o.code = value;
    else {
      std::fprintf(stderr, "unknown option %s\n", key.c_str());
      return 2;
    }
  }
  try {
    const bool tracking = o.mode == "track";
    Session reception, processing, leader;
    if (!tracking) {
      reception = log_in(o.port, "tiepnhan." + o.commune);
      processing = log_in(o.port, "chuyenvien." + o.commune);
      leader = log_in(o.port, "lanhdao." + o.commune);
    }
    std::vector<ClientResult> results(static_cast<std::size_t>(o.clients));
    std::vector<std::thread> threads;
    const auto start = Clock::now();
    const auto end = start + std::chrono::duration_cast<Clock::duration>(
                                 std::chrono::duration<double>(o.seconds));
    for (auto& r : results) {
      threads.emplace_back([&, out = &r] {
        if (tracking) {
          run_tracker(o, end, *out);
        } else {
          run_client(o, reception, processing, leader, end, *out);
        }
      });
    }
    for (auto& t : threads) t.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    ClientResult all;
    for (auto& r : results) {
      all.changes += r.changes;
      all.errors += r.errors;
      all.latencies_ms.insert(all.latencies_ms.end(), r.latencies_ms.begin(), r.latencies_ms.end());
    }
    json::object report{{"mode", o.mode},
                        {"clients", o.clients},
                        {"seconds", elapsed},
                        {"changes", all.changes},
                        {"errors", all.errors},
                        {"changes_per_second", static_cast<double>(all.changes) / elapsed},
                        {"p50_ms", percentile(all.latencies_ms, 0.50)},
                        {"p99_ms", percentile(all.latencies_ms, 0.99)}};
    std::printf("%s\n", json::serialize(report).c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rest_workload: %s\n", e.what());
    return 1;
  }
  return 0;
}
