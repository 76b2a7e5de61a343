// motcua_load: the load generator of issue 17 against a running `motcua serve` with the demo
// province (`motcua demo`): one io_context, every virtual user a coroutine.
//
//   motcua_load --port 8080 --clients 64 --seconds 20       closed loop, full speed
//   motcua_load --port 8080 --rate 5000 --seconds 20        open loop, 5,000 operations/s
//   options: --mix submit=1,advance=5,track=3,queue=2,stats=0.5,search=0  --journal FILE
//            --retry-seconds S (resend unanswered writes, same Idempotency-Key)  --max-connections
//            N  --keys on|off (Idempotency-Key on writes; the web application sends none)
//            --prefer minimal|representation (Prefer: return=minimal on writes, or no Prefer)
//            --applicants congdan.an,congdan.binh --commune hoalu --agency ID --unit ID --procedure
//            CODE
//
// Open loop starts operations on a fixed schedule whatever the answers do, and measures each one
// from its scheduled start, so a stalled server shows in the latency instead of slowing the clock
// (coordinated omission). Prints one JSON line on stdout and a table on stderr. SIGTERM or SIGINT
// ends the run early as its end time would: no new operation starts, those under way finish.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/serialize.hpp>
#include <cstdio>
#include <iostream>
#include <optional>
#include <sstream>

#include "workload.hpp"

namespace {

namespace asio = boost::asio;
using namespace motcua::load;

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, sep);) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

Mix parse_mix(const std::string& text) {
  Mix m;
  for (const auto& item : split(text, ',')) {
    const auto eq = item.find('=');
    if (eq == std::string::npos) throw std::invalid_argument("--mix: expected kind=weight");
    const std::string kind = item.substr(0, eq);
    const double w = std::stod(item.substr(eq + 1));
    if (kind == "submit")
      m.submit = w;
    else if (kind == "advance")
      m.advance = w;
    else if (kind == "track")
      m.track = w;
    else if (kind == "queue")
      m.queue = w;
    else if (kind == "stats")
      m.stats = w;
    else if (kind == "search")
      m.search = w;
    else
      throw std::invalid_argument("--mix: unknown kind " + kind);
  }
  return m;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i], value = argv[i + 1];
    if (key == "--host")
      o.host = value;
    else if (key == "--port")
      o.port = std::stoi(value);
    else if (key == "--clients")
      o.clients = std::stoi(value);
    else if (key == "--rate")
      o.rate = std::stod(value);
    else if (key == "--seconds")
      o.seconds = std::stod(value);
    else if (key == "--max-connections")
      o.max_connections = std::stoi(value);
    else if (key == "--retry-seconds")
      o.retry_seconds = std::stod(value);
    else if (key == "--prefer") {
      if (value != "minimal" && value != "representation")
        throw std::invalid_argument("--prefer: minimal or representation");
      o.minimal = value == "minimal";
    } else if (key == "--keys") {
      if (value != "on" && value != "off") throw std::invalid_argument("--keys: on or off");
      o.keys = value == "on";
    } else if (key == "--journal")
      o.journal = value;
    else if (key == "--mix")
      o.mix = parse_mix(value);
    else if (key == "--applicants")
      o.applicants = split(value, ',');
    else if (key == "--commune")
      o.commune = value;
    else if (key == "--agency")
      o.agency = value;
    else if (key == "--unit")
      o.unit = value;
    else if (key == "--procedure")
      o.procedure = value;
    else if (key == "--seed")
      o.seed = static_cast<unsigned>(std::stoul(value));
    else
      throw std::invalid_argument("unknown option " + key);
  }
  if ((o.clients > 0) == (o.rate > 0))
    throw std::invalid_argument("give either --clients N (closed loop) or --rate N (open loop)");
  if (o.applicants.empty()) throw std::invalid_argument("--applicants: at least one");
  if (!o.keys && o.retry_seconds > 0)
    throw std::invalid_argument(
        "--retry-seconds needs --keys on: a write resent without a key "
        "could be applied twice");
  return o;
}

Clock::duration seconds_of(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

// Coroutines still running; when the last one ends, the signal wait is cancelled so that
// io_context::run returns.
struct Live {
  int count = 0;
  asio::signal_set* signals = nullptr;
  void enter() { ++count; }
  void leave() {
    if (--count == 0) signals->cancel();
  }
};

// Closed loop: a virtual user on its own connection, one operation after the other.
asio::awaitable<void> virtual_user(Workload& w, Live& live) {
  Connection c = w.make_connection();
  while (w.running()) co_await w.operate(c, Clock::now());
  live.leave();
}

// Open loop: connections are shared; an operation takes an idle one, opens one more (up to
// --max-connections), or waits its turn, its clock already running.
class ConnectionPool {
 public:
  ConnectionPool(asio::io_context& io, Workload& w, int max) : io_(io), w_(w), max_(max) {}

  asio::awaitable<std::unique_ptr<Connection>> take() {
    while (idle_.empty() && opened_ >= max_) {
      auto turn = std::make_shared<asio::steady_timer>(io_, Clock::time_point::max());
      waiting_.push_back(turn);
      boost::system::error_code ec;
      co_await turn->async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      co_return c;
    }
    ++opened_;
    co_return std::make_unique<Connection>(w_.make_connection());
  }
  void give_back(std::unique_ptr<Connection> c) {
    idle_.push_back(std::move(c));
    if (!waiting_.empty()) {
      waiting_.front()->cancel();
      waiting_.pop_front();
    }
  }
  int opened() const { return opened_; }

 private:
  asio::io_context& io_;
  Workload& w_;
  int max_;
  int opened_ = 0;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::deque<std::shared_ptr<asio::steady_timer>> waiting_;
};

asio::awaitable<void> scheduled_operation(Workload& w, ConnectionPool& pool, Live& live,
                                          Clock::time_point at) {
  auto c = co_await pool.take();
  co_await w.operate(*c, at);
  pool.give_back(std::move(c));
  live.leave();
}

asio::awaitable<void> arrivals(asio::io_context& io, Workload& w, ConnectionPool& pool, Live& live,
                               double rate, Clock::time_point start) {
  asio::steady_timer timer(io);
  const double interval = 1.0 / rate;
  for (std::uint64_t i = 0;; ++i) {
    const auto at = start + seconds_of(static_cast<double>(i) * interval);
    if (at > Clock::now()) {
      timer.expires_at(at);
      co_await timer.async_wait(asio::use_awaitable);
    }
    if (!w.running()) break;
    live.enter();
    asio::co_spawn(io, scheduled_operation(w, pool, live, at), asio::detached);
  }
  live.leave();
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<Options> options;
  try {
    options = parse(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "motcua_load: %s\n", e.what());
    return 2;
  }
  try {
    asio::io_context io(1);
    Workload w(io, *options);
    ConnectionPool pool(io, w, options->max_connections);
    asio::signal_set signals(io, SIGINT, SIGTERM);
    bool stop = false;
    signals.async_wait([&](const boost::system::error_code& ec, int) {
      if (ec) return;
      stop = true;
      w.set_end(Clock::now());
    });
    Live live{0, &signals};
    Clock::time_point start;
    std::exception_ptr failure;
    const auto begin = [&]() -> asio::awaitable<void> {
      co_await w.log_in_all();
      start = Clock::now();
      if (!stop) w.set_end(start + seconds_of(options->seconds));
      if (options->clients > 0) {
        for (int i = 0; i < options->clients; ++i) {
          live.enter();
          asio::co_spawn(io, virtual_user(w, live), asio::detached);
        }
      } else {
        live.enter();
        asio::co_spawn(io, arrivals(io, w, pool, live, options->rate, start), asio::detached);
      }
      live.leave();
    };
    live.enter();
    asio::co_spawn(io, begin(), [&](std::exception_ptr e) {
      if (!e) return;
      failure = e;
      signals.cancel();
    });
    io.run();  // until every operation started has finished
    if (failure) std::rethrow_exception(failure);
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    boost::json::object run{
        {"mode", options->clients > 0 ? "closed" : "open"},
        {"clients", options->clients},
        {"rate", options->rate},
        {"connections", options->clients > 0 ? options->clients : pool.opened()}};
    std::printf("%s\n",
                boost::json::serialize(w.report().to_json(std::move(run), elapsed)).c_str());
    std::fflush(stdout);
    std::fputs(w.report().table(elapsed).c_str(), stderr);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "motcua_load: %s\n", e.what());
    return 1;
  }
  return 0;
}
