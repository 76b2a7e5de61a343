// The realistic mix: applicants submit dossiers online; the one-stop unit accepts them; the
// processing official is assigned at the review step and forwards to the leader's approval step
// (the demo's internal process, data/templates/internal-process.json); the leader approves; the
// one-stop unit returns the result; the public tracks dossiers by code, officials read their work
// queue, anyone reads the on-time statistics, anyone searches the procedures by a few words of
// their names. Each operation is one request; which one comes next
// is drawn by the mix weights, and a dossier advances one step per "advance" draw.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <cstdio>
#include <deque>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "http_client.hpp"
#include "latency_report.hpp"

namespace motcua::load {

using Clock = std::chrono::steady_clock;

struct Mix {
  double submit = 1;   // an applicant submits a dossier online
  double advance = 5;  // an official takes one dossier one step further (5 steps per dossier)
  double track = 3;    // public tracking lookup of a dossier's code
  double queue = 2;    // a processing official's work queue
  double stats = 0.5;  // the public on-time statistics
  double search = 0;   // the portal's procedure search, words drawn from real procedure names
};

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;
  int clients = 0;  // closed loop: this many virtual users at full speed
  double rate = 0;  // open loop: operations started per second, on schedule
  double seconds = 10;
  int max_connections = 256;  // open loop: connections opened at most (then operations wait)
  double retry_seconds = 0;   // writes without an answer or with 5xx: sent again, same key
  // Idempotency-Key on every write (needed to resend safely). Off, writes go as the web
  // application sends them (it sends no key), and the server builds their answers after the
  // commit instead of inside the write transaction.
  bool keys = true;
  // "Prefer: return=minimal" on writes (RFC 7240): the server answers id, code, status and
  // version instead of the dossier's whole view.
  bool minimal = false;
  std::string journal;  // file of acknowledged state changes (JSON lines)
  std::string password = "motcua-demo-2026";
  std::vector<std::string> applicants = {"congdan.an", "congdan.binh", "congdan.cuong"};
  std::string commune = "hoalu";  // officials tiepnhan/chuyenvien/lanhdao.<commune>
  std::string agency = "commune-14329";
  std::string unit = "mc-14329";
  std::string procedure = "1.001193";
  Mix mix;
  unsigned seed = 1;
};

class Workload {
 public:
  Workload(boost::asio::io_context& io, Options options);
  ~Workload();

  // Logs in every applicant and the three officials; throws when one fails.
  boost::asio::awaitable<void> log_in_all();
  // One operation of the mix on `c`; latency counted from `scheduled`.
  boost::asio::awaitable<void> operate(Connection& c, Clock::time_point scheduled);
  Connection make_connection();

  LatencyReport& report() { return report_; }
  bool running() const { return Clock::now() < end_; }
  void set_end(Clock::time_point end) { end_ = end; }

 private:
  struct Dossier {
    std::string id;
    std::string code;  // known once accepted
    int next = 0;      // index into the steps after submission
  };
  struct Answer {
    int status = 0;
    std::string body;
  };
  boost::asio::awaitable<Answer> write(Connection& c, Clock::time_point scheduled, const char* kind,
                                       const std::string& target, const std::string& body,
                                       const Session& who, const std::string& dossier_id);
  boost::asio::awaitable<void> read(Connection& c, Clock::time_point scheduled, const char* kind,
                                    const std::string& target, const Session* who);
  boost::asio::awaitable<void> submit(Connection& c, Clock::time_point scheduled);
  boost::asio::awaitable<void> advance(Connection& c, Clock::time_point scheduled);
  boost::asio::awaitable<void> load_search_queries(Connection& c);
  void journal(const char* kind, const std::string& dossier_id, const std::string& key,
               int attempts, const Answer& answer);
  std::string new_key();

  boost::asio::io_context& io_;
  Options o_;
  boost::asio::ip::tcp::endpoint server_;
  std::vector<Session> applicants_;
  Session reception_, processing_, leader_;
  std::deque<Dossier> waiting_;        // dossiers whose next step nobody is taking right now
  std::vector<std::string> codes_;     // code?secret= of accepted dossiers, for tracking lookups
  std::vector<std::string> searches_;  // URL-encoded search queries (words of real names)
  LatencyReport report_;
  std::FILE* journal_ = nullptr;
  std::mt19937_64 rng_;
  std::uint64_t keys_ = 0;
  std::string key_prefix_;
  std::size_t next_applicant_ = 0;
  Clock::time_point end_;
};

}  // namespace motcua::load
