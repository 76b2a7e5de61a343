// Starts one of the partner emulators of tools/emulators (python3, standard library only) on a
// free loopback port and stops it at the end of the test. The emulator prints
// {"status":"listening","url":...} once it accepts connections.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <stdexcept>
#include <string>

namespace motcua::testing {

class PartnerEmulator {
 public:
  explicit PartnerEmulator(const std::string& name) {
    const std::string script = std::string(MOTCUA_SOURCE_DIR) + "/tools/emulators/" + name + ".py";
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      ::execlp("python3", "python3", script.c_str(), "--port", "0", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
    ::close(out[0]);
    if (line.empty()) {
      stop();
      throw std::runtime_error("emulator " + name + " did not start");
    }
    url_ = std::string(boost::json::parse(line).at("url").as_string());
  }
  ~PartnerEmulator() { stop(); }
  PartnerEmulator(const PartnerEmulator&) = delete;
  PartnerEmulator& operator=(const PartnerEmulator&) = delete;

  const std::string& url() const { return url_; }

 private:
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  pid_t pid_ = -1;
  std::string url_;
};

}  // namespace motcua::testing
