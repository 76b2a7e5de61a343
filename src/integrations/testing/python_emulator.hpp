// For tests only (header-only, so it stays out of the library): starts one of the partner
// emulators (tools/emulators/<name>.py, or <name>.mjs run by Node.js: the OpenID Connect
// provider) on a free loopback port, waits for its
// {"status":"listening","url":...} line, and stops it at the end of the test. Tests drive the
// emulator's misbehaviour through its /_control endpoint and read what it took from /_received.
#pragma once

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "integrations/http/http_client.hpp"

namespace motcua::integrations::testing {

class PythonEmulator {
 public:
  // `script` is relative to the repository root (MOTCUA_SOURCE_DIR); `args` follow it.
  PythonEmulator(const std::string& source_dir, const std::string& script,
                 std::vector<std::string> args) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    const std::string interpreter = script.ends_with(".mjs") ? "node" : "python3";
    std::vector<std::string> argv_s = {interpreter, source_dir + "/" + script, "--port", "0"};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      // The emulator dies with the test process, even when a test crashes.
      prctl(PR_SET_PDEATHSIG, SIGTERM);
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      execvp(interpreter.c_str(), argv.data());
      _exit(127);
    }
    close(out[1]);
    FILE* f = fdopen(out[0], "r");
    char line[512] = {0};
    const bool got = f != nullptr && std::fgets(line, sizeof line, f) != nullptr;
    if (f) std::fclose(f);
    if (!got) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
      throw std::runtime_error(script + " did not start");
    }
    url_ = std::string(boost::json::parse(line).as_object().at("url").as_string());
  }
  ~PythonEmulator() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  PythonEmulator(const PythonEmulator&) = delete;
  PythonEmulator& operator=(const PythonEmulator&) = delete;

  const std::string& url() const { return url_; }

  // POST /_control: the next `count` requests behave as `mode` (error500, garbage, slow, ...).
  void control(const std::string& mode, int count = 1, int delay_ms = 0) const {
    control(boost::json::object{{"mode", mode}, {"count", count}, {"delay_ms", delay_ms}});
  }
  // The same with the settings as given: {"mode", "count" (absent: every request), "delay_ms"}.
  void control(const boost::json::object& settings) const {
    HttpRequest r;
    r.url = url_ + "/_control";
    r.body = boost::json::serialize(settings);
    http_send(r);
  }

  // GET /_received: every request the emulator took, in order.
  boost::json::array received() const {
    HttpRequest r;
    r.method = "GET";
    r.url = url_ + "/_received";
    return boost::json::parse(http_send(r).body).as_array();
  }

 private:
  pid_t pid_ = 0;
  std::string url_;
};

}  // namespace motcua::integrations::testing
