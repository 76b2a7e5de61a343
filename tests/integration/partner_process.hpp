// Starts a partner emulator (tools/emulators/<name>.py, on tools/emulators/partner.py) on loopback
// and talks to its test controls: /_control to make it misbehave, /_received to see what it took.
// Its answers are not MotCua's, so they bypass the OpenAPI contract check.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "http_client.hpp"

namespace motcua::testing {

class PartnerProcess {
 public:
  // port 0: any free port; otherwise that one (a partner coming back where it was).
  explicit PartnerProcess(const std::string& name, int port = 0) {
    const std::string script = std::string(MOTCUA_SOURCE_DIR) + "/tools/emulators/" + name + ".py";
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      const std::string port_text = std::to_string(port);
      ::execlp("python3", "python3", script.c_str(), "--port", port_text.c_str(), nullptr);
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
    ::close(out[0]);
    if (line.empty()) {
      stop();
      throw std::runtime_error("partner emulator did not start: " + name);
    }
    url_ = std::string(boost::json::parse(line).at("url").as_string());
    port_ = std::stoi(url_.substr(url_.rfind(':') + 1));
  }
  ~PartnerProcess() { stop(); }
  PartnerProcess(const PartnerProcess&) = delete;
  PartnerProcess& operator=(const PartnerProcess&) = delete;

  const std::string& url() const { return url_; }
  int port() const { return port_; }
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  // {"mode": ok | error500 | garbage | slow | reject400 | hang, "delay_ms", "count"}
  void control(const boost::json::object& mode) { call("POST", "/_control", serialize(mode)); }
  boost::json::array received() {
    return boost::json::parse(call("GET", "/_received", "")).as_array();
  }

 private:
  std::string call(const std::string& method, const std::string& path, const std::string& body) {
    auto observer = std::move(response_observer());
    response_observer() = nullptr;
    HttpResult r;
    try {
      r = http_request(port_, method, path, {{"Content-Type", "application/json"}}, body);
    } catch (...) {
      response_observer() = std::move(observer);
      throw;
    }
    response_observer() = std::move(observer);
    if (r.status != 200) throw std::runtime_error("partner control failed: " + r.body);
    return r.body;
  }

  pid_t pid_ = -1;
  std::string url_;
  int port_ = 0;
};

}  // namespace motcua::testing
