// A real SMTP server for the tests: Debian's python3-aiosmtpd on loopback with its Mailbox
// handler, so every message it accepts lands as a file in <dir>/new that the test reads.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace motcua::testing {

// Base64 decoding for reading received mail (characters outside the alphabet are skipped).
inline std::string unbase64(const std::string& in) {
  static const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int bits = 0;
  unsigned value = 0;
  for (char c : in) {
    const auto i = alphabet.find(c);
    if (i == std::string::npos) continue;
    value = (value << 6) | static_cast<unsigned>(i);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return out;
}

// The readable text of a received mail: its headers, its decoded RFC 2047 subject words and its
// decoded base64 parts, so a test can look for a dossier code or a date in it.
inline std::string readable_mail(std::string mail) {
  std::erase(mail, '\r');
  std::string out = mail.substr(0, mail.find("\n\n"));
  std::size_t pos = 0;
  while ((pos = mail.find("=?UTF-8?B?", pos)) != std::string::npos) {
    const auto end = mail.find("?=", pos + 10);
    out += "\n" + unbase64(mail.substr(pos + 10, end - pos - 10));
    pos = end + 2;
  }
  const std::string marker = "Content-Transfer-Encoding: base64\n\n";
  pos = 0;
  while ((pos = mail.find(marker, pos)) != std::string::npos) {
    const auto start = pos + marker.size();
    const auto end = mail.find("\n--", start);
    out += "\n" + unbase64(mail.substr(start, end - start));
    pos = end;
  }
  return out;
}

class SmtpServer {
 public:
  // A free port now; the server starts listening on it at start().
  // `handler`: the aiosmtpd handler class; smtp_replies.Replies (tools/emulators) refuses some
  // recipients the way real servers do.
  explicit SmtpServer(std::filesystem::path dir, std::string handler = "aiosmtpd.handlers.Mailbox")
      : dir_(std::move(dir)), handler_(std::move(handler)), port_(free_port()) {}
  ~SmtpServer() { stop(); }
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  void start() {
    const std::string listen = "127.0.0.1:" + std::to_string(port_);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::setenv("PYTHONPATH", MOTCUA_SOURCE_DIR "/tools/emulators", 1);
      ::execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "-c",
              handler_.c_str(), dir_.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    for (int i = 0; i < 200 && !accepts(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }

  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  // The raw messages received so far.
  std::vector<std::string> received() const {
    std::vector<std::string> out;
    if (!std::filesystem::exists(dir_ / "new")) return out;
    for (const auto& f : std::filesystem::directory_iterator(dir_ / "new")) {
      std::ifstream in(f.path(), std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      out.push_back(s.str());
    }
    return out;
  }

  // Waits up to `limit` for at least `count` messages.
  std::vector<std::string> wait_for(std::size_t count, std::chrono::seconds limit) const {
    const auto end = std::chrono::steady_clock::now() + limit;
    auto got = received();
    while (got.size() < count && std::chrono::steady_clock::now() < end) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      got = received();
    }
    return got;
  }

 private:
  static int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
  }

  bool accepts() const {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port_));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
  }

  std::filesystem::path dir_;
  std::string handler_;
  int port_;
  pid_t pid_ = -1;
};

}  // namespace motcua::testing
