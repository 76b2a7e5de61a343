#include "http/server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <condition_variable>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

#include "http/access_log.hpp"
#include "http/connection.hpp"
#include "http/metrics.hpp"
#include "http/pipeline.hpp"
#include "http/static_files.hpp"
#include "http/tls_context.hpp"

namespace motcua::http {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
constexpr auto use_nothrow = asio::as_tuple(asio::use_awaitable);

// How long the accept loop pauses after a failure such as running out of file descriptors, so it
// does not spin while connections close and free some.
constexpr std::chrono::milliseconds kAcceptBackoff{50};

}  // namespace

std::string tls_files_problem(const std::string& certificate_chain_file,
                              const std::string& private_key_file) {
  try {
    detail::make_tls_context(certificate_chain_file, private_key_file);
    return {};
  } catch (const std::exception& e) {
    return e.what();
  }
}

int default_thread_count() {
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

struct HttpServer::Impl {
  enum class State { created, running, stopping, stopped };

  ServerConfig config;
  std::shared_ptr<spdlog::logger> logger;
  std::unique_ptr<StaticFiles> static_files;
  Pipeline pipeline;
  asio::io_context io;
  asio::strand<asio::io_context::executor_type> accept_strand;
  tcp::acceptor acceptor;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  detail::ConnectionRegistry registry;
  std::optional<asio::ssl::context> tls;
  detail::ServerContext context;
  std::vector<std::thread> threads;
  std::uint16_t port = 0;

  std::mutex state_mutex;
  std::condition_variable state_changed;
  State state = State::created;

  Impl(ServerConfig c, const Router& router, Metrics& metrics)
      : config(std::move(c)),
        logger(config.logger ? config.logger : make_stderr_json_logger()),
        static_files(config.static_dir.empty()
                         ? nullptr
                         : std::make_unique<StaticFiles>(
                               StaticFilesOptions{config.static_dir, config.static_cache_bytes})),
        pipeline(router, static_files.get(), metrics, logger,
                 PipelineOptions{config.default_body_limit, config.content_security_policy}),
        io(std::max(1, config.threads)),
        accept_strand(asio::make_strand(io)),
        acceptor(accept_strand),
        context{config, pipeline, registry} {}

  asio::awaitable<void> accept_loop() {
    for (;;) {
      // Each connection gets a strand: its coroutine and its deadline timer never run at once.
      tcp::socket socket(asio::make_strand(io));
      auto [ec] = co_await acceptor.async_accept(socket, use_nothrow);
      if (ec) {
        if (!acceptor.is_open()) co_return;  // stop() closed it
        pipeline.log_error("accept failed", {}, ec.message());
        asio::steady_timer pause(accept_strand, kAcceptBackoff);
        co_await pause.async_wait(use_nothrow);
        continue;
      }
      boost::system::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);  // responses are written whole
      auto connection = std::make_shared<detail::Connection>(std::move(socket), context);
      // Stopping, or too many connections (from that address): the socket closes with it, so
      // one client holding many slow connections cannot starve the others.
      if (registry.add(connection, config.max_connections, config.max_connections_per_address,
                       config.trusted_proxies.trusts(connection->remote())) !=
          detail::ConnectionRegistry::Admission::admitted) {
        continue;
      }
      asio::co_spawn(connection->executor(), detail::Connection::run(connection),
                     [this](const std::exception_ptr& e) { log_exception("connection", e); });
    }
  }

  void log_exception(std::string_view what, const std::exception_ptr& e) {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      pipeline.log_error(std::string(what) + " failed", {}, ex.what());
    } catch (...) {
      pipeline.log_error(std::string(what) + " failed", {}, "unknown exception");
    }
  }

  void run_io() {
    // Handlers do not throw (the pipeline catches), but an io thread must not die if one does.
    for (;;) {
      try {
        io.run();
        return;
      } catch (const std::exception& e) {
        pipeline.log_error("io thread caught an exception", {}, e.what());
      }
    }
  }
};

HttpServer::HttpServer(ServerConfig config, const Router& router, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(config), router, metrics)) {}

HttpServer::~HttpServer() {
  try {
    stop();
  } catch (...) {
    // A destructor must not throw; stop() only throws when misused from an io thread.
  }
}

void HttpServer::start() {
  Impl& s = *impl_;
  {
    const std::lock_guard lock(s.state_mutex);
    if (s.state != Impl::State::created) throw std::logic_error("HttpServer::start called twice");
    if (!s.config.tls_certificate_file.empty() || !s.config.tls_private_key_file.empty()) {
      if (s.config.tls_certificate_file.empty() || s.config.tls_private_key_file.empty()) {
        throw std::runtime_error("native TLS needs both a certificate file and a key file");
      }
      s.tls.emplace(
          detail::make_tls_context(s.config.tls_certificate_file, s.config.tls_private_key_file));
      s.context.tls = &*s.tls;
    }
    try {
      const tcp::endpoint endpoint(asio::ip::make_address(s.config.address), s.config.port);
      s.acceptor.open(endpoint.protocol());
      s.acceptor.set_option(tcp::acceptor::reuse_address(true));
      s.acceptor.bind(endpoint);
      s.acceptor.listen(asio::socket_base::max_listen_connections);
      s.port = s.acceptor.local_endpoint().port();
    } catch (const boost::system::system_error& e) {
      // The public interface speaks std: callers should not need Boost to catch this.
      boost::system::error_code ignored;
      s.acceptor.close(ignored);
      const auto& ec = e.code();
      throw std::system_error(
          std::error_code(ec.value(), ec.category() == boost::system::system_category()
                                          ? std::system_category()
                                          : std::generic_category()),
          "cannot listen on " + s.config.address + ":" + std::to_string(s.config.port));
    }
    s.state = Impl::State::running;
  }
  s.work.emplace(asio::make_work_guard(s.io));
  asio::co_spawn(s.accept_strand, s.accept_loop(),
                 [&s](const std::exception_ptr& e) { s.log_exception("accept loop", e); });
  const int n = std::max(1, s.config.threads);
  s.threads.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) s.threads.emplace_back([&s] { s.run_io(); });
}

std::uint16_t HttpServer::port() const { return impl_->port; }

void HttpServer::stop() {
  Impl& s = *impl_;
  if (s.io.get_executor().running_in_this_thread()) {
    throw std::logic_error("HttpServer::stop called from an io thread");
  }
  {
    std::unique_lock lock(s.state_mutex);
    if (s.state == Impl::State::created) {
      s.state = Impl::State::stopped;
      s.state_changed.notify_all();
      return;
    }
    if (s.state != Impl::State::running) {
      // Stopped, or another thread is stopping: wait for it to finish.
      s.state_changed.wait(lock, [&s] { return s.state == Impl::State::stopped; });
      return;
    }
    s.state = Impl::State::stopping;
  }

  asio::post(s.accept_strand, [&s] {
    boost::system::error_code ignored;
    s.acceptor.close(ignored);
  });
  s.registry.stop_all();
  s.work.reset();  // the threads return once the last connection has gone
  if (!s.registry.wait_empty(s.config.shutdown_timeout)) s.registry.force_close_all();
  for (auto& t : s.threads) t.join();
  s.threads.clear();

  const std::lock_guard lock(s.state_mutex);
  s.state = Impl::State::stopped;
  s.state_changed.notify_all();
}

void HttpServer::wait() {
  std::unique_lock lock(impl_->state_mutex);
  impl_->state_changed.wait(lock, [this] { return impl_->state == Impl::State::stopped; });
}

}  // namespace motcua::http
