// Starts the real `motcua serve` binary on a free loopback port with its own database, reads the
// port from its first stdout line, and stops it (SIGTERM, or SIGKILL for crash tests).
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace motcua::testing {

class ServerProcess {
 public:
  ServerProcess(const std::string& binary, const std::string& db_path,
                const std::vector<std::string>& extra_args = {}) {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      std::vector<std::string> args = {binary, "serve", "--db", db_path, "--threads", "2"};
      // A test that restarts a server on the same port gives its own --listen.
      if (std::find(extra_args.begin(), extra_args.end(), "--listen") == extra_args.end())
        args.insert(args.end(), {"--listen", "127.0.0.1:0"});
      // Tests write with a server that has no partner links and deliver with `motcua deliver
      // --once --portal-url ...`, or read the rows: keep them unless a test says otherwise.
      if (std::find(extra_args.begin(), extra_args.end(), "--outbox-unconfigured") ==
          extra_args.end())
        args.insert(args.end(), {"--outbox-unconfigured", "keep"});
      // Each database its own uploads folder, as each installation has: papers are sealed under
      // the database's data key, so a folder shared by the tests' databases would hold files
      // sealed under another test's key.
      if (std::find(extra_args.begin(), extra_args.end(), "--uploads-dir") == extra_args.end())
        args.insert(args.end(), {"--uploads-dir", uploads_dir_for(db_path)});
      args.insert(args.end(), extra_args.begin(), extra_args.end());
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      // The request log goes to stderr; keep test output readable.
      if (std::FILE* devnull = std::fopen("/dev/null", "w"))
        ::dup2(::fileno(devnull), STDERR_FILENO);
      ::execv(binary.c_str(), argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
    ::close(out[0]);
    if (line.empty()) {
      stop();
      throw std::runtime_error("server did not start");
    }
    started_ = boost::json::parse(line).as_object();
    port_ = static_cast<int>(started_.at("port").as_int64());
  }
  ~ServerProcess() { stop(); }

  // Beside a SQLite file; for a PostgreSQL URL, a folder named after the database under /tmp.
  static std::string uploads_dir_for(const std::string& db) {
    if (db == ":memory:") return "/tmp/motcua-uploads-memory-" + std::to_string(::getpid());
    if (db.find("://") == std::string::npos) return db + ".uploads";
    std::string name = db.substr(db.find_last_of('/') + 1);
    for (char& c : name)
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return "/tmp/motcua-uploads-" + name;
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  // The line the server printed once listening ({"status":"listening","port":...,"database":...}).
  const boost::json::object& started() const { return started_; }

  // Graceful stop; returns the exit status.
  int stop(int signal_number = SIGTERM) {
    if (pid_ <= 0) return -1;
    ::kill(pid_, signal_number);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }
  void kill9() { stop(SIGKILL); }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  boost::json::object started_;
};

}  // namespace motcua::testing
