// The adapter against a real SMTP server: Debian's python3-aiosmtpd on loopback, writing what it
// receives to a maildir that the test reads.
#include "integrations/mail/smtp_adapter.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "integrations/mail/smtp_setup.hpp"

namespace motcua::integrations {
namespace {

namespace fs = std::filesystem;
using app::delivery::DeliveryOutcome;

int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  close(fd);
  return ntohs(a.sin_port);
}

bool accepts(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  close(fd);
  return ok;
}

// aiosmtpd with its Mailbox handler: every message accepted lands as a file in <dir>/new.
class SmtpServer {
 public:
  SmtpServer(int port, fs::path dir) : port_(port), dir_(std::move(dir)) {}
  ~SmtpServer() { stop(); }
  void start() {
    const std::string listen = "127.0.0.1:" + std::to_string(port_);
    pid_ = fork();
    if (pid_ == 0) {
      execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "-c",
            "aiosmtpd.handlers.Mailbox", dir_.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 100 && !accepts(port_); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  void stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  std::vector<std::string> received() const {
    std::vector<std::string> out;
    if (!fs::exists(dir_ / "new")) return out;
    for (const auto& f : fs::directory_iterator(dir_ / "new")) {
      std::ifstream in(f.path(), std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      out.push_back(s.str());
    }
    return out;
  }

 private:
  int port_;
  fs::path dir_;
  pid_t pid_ = -1;
};

class SmtpAdapterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("motcua-smtp-" + std::to_string(getpid()) + "-" + std::to_string(port_));
    fs::remove_all(dir_);
    server_ = std::make_unique<SmtpServer>(port_, dir_);
    adapter_ = make_smtp_adapter("smtp://127.0.0.1:" + std::to_string(port_), "motcua@tinh.gov.vn",
                                 "https://motcua.example",
                                 std::string(MOTCUA_SOURCE_DIR) + "/" + kMailTemplatesFile);
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(dir_);
  }

  static app::delivery::OutgoingMessage received_notice() {
    return {7, "mail", "d_1:2:mail",
            R"({"to":"an@example.vn","lang":"vi","template":"dossier_received","required":false,
                "dossier_id":"d_1","params":{"applicant_name":"Nguyễn Văn An",
                "dossier_code":"000.00.01.H01-261206-0001","procedure_name":"Cấp phép",
                "agency_name":"UBND xã","received_date":"06/12/2026","due_date":"18/12/2026",
                "tracking_url":"/track?code=000.00.01.H01-261206-0001"}})",
            0};
  }

  int port_ = free_port();
  fs::path dir_;
  std::unique_ptr<SmtpServer> server_;
  std::shared_ptr<app::delivery::DeliveryAdapter> adapter_;
};

TEST_F(SmtpAdapterTest, ANoticeArrivesAtTheSmtpServerWithItsMessageId) {
  server_->start();
  const auto result = adapter_->deliver(received_notice());
  ASSERT_EQ(result.outcome, DeliveryOutcome::delivered) << result.error;
  const auto mails = server_->received();
  ASSERT_EQ(mails.size(), 1u);
  const auto& mail = mails.front();
  EXPECT_NE(mail.find("To: an@example.vn"), std::string::npos);
  EXPECT_NE(mail.find("Message-ID: " + result.partner_ref), std::string::npos);
  EXPECT_NE(mail.find("List-Unsubscribe: <https://motcua.example/my#notification-preferences>"),
            std::string::npos);
  EXPECT_NE(mail.find("=?UTF-8?B?"), std::string::npos);
  // Python's own mail parser reads the subject and both parts back: the encoding is standard.
  const auto file = dir_ / "received.eml";
  std::ofstream(file, std::ios::binary) << mail;
  const std::string script =
      "import email,email.header,email.policy,sys;"
      "m=email.message_from_binary_file(open(sys.argv[1],'rb'),policy=email.policy.default);"
      "print(m['Subject']);"
      "print(m.get_body(('plain',)).get_content());"
      "print(m.get_body(('html',)).get_content())";
  const std::string command = "/usr/bin/python3 -c \"" + script + "\" " + file.string();
  std::string parsed;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buffer[4096];
    std::size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, p)) > 0) parsed.append(buffer, n);
    pclose(p);
  }
  EXPECT_NE(parsed.find("Đã tiếp nhận hồ sơ 000.00.01.H01-261206-0001 - hẹn trả 18/12/2026"),
            std::string::npos)
      << parsed;
  EXPECT_NE(parsed.find("Kính gửi Nguyễn Văn An"), std::string::npos) << parsed;
  EXPECT_NE(parsed.find("https://motcua.example/track?code=000.00.01.H01-261206-0001"),
            std::string::npos)
      << parsed;
  EXPECT_NE(parsed.find("<b>000.00.01.H01-261206-0001</b>"), std::string::npos) << parsed;
  // The same notice again (a retry after a lost answer) carries the same Message-ID.
  const auto again = adapter_->deliver(received_notice());
  EXPECT_EQ(again.partner_ref, result.partner_ref);
}

TEST_F(SmtpAdapterTest, ServerDownIsRetriedAndDeliveredOnceItIsBack) {
  const auto down = adapter_->deliver(received_notice());
  EXPECT_EQ(down.outcome, DeliveryOutcome::retry);
  EXPECT_FALSE(down.error.empty());
  server_->start();
  EXPECT_EQ(adapter_->deliver(received_notice()).outcome, DeliveryOutcome::delivered);
  EXPECT_EQ(server_->received().size(), 1u);
}

TEST_F(SmtpAdapterTest, APayloadThatCannotMakeAMailIsDead) {
  auto message = received_notice();
  message.payload = R"({"to":"","template":"dossier_received","params":{}})";
  EXPECT_EQ(adapter_->deliver(message).outcome, DeliveryOutcome::dead);
  message.payload = R"({"to":"an@example.vn","template":"no_such","params":{}})";
  EXPECT_EQ(adapter_->deliver(message).outcome, DeliveryOutcome::dead);
}

TEST(ClassifySmtp, TransientRepliesRetryPermanentOnesAreDead) {
  EXPECT_EQ(classify_smtp({true, 250, ""}), DeliveryOutcome::delivered);
  EXPECT_EQ(classify_smtp({false, 451, "try later"}), DeliveryOutcome::retry);
  EXPECT_EQ(classify_smtp({false, 550, "no such user"}), DeliveryOutcome::dead);
  EXPECT_EQ(classify_smtp({false, 0, "connection refused"}), DeliveryOutcome::retry);
}

TEST(SmtpSetup, SmtpWithoutASenderAddressIsRefusedAtStart) {
  EXPECT_THROW(make_smtp_adapter("smtp://127.0.0.1:25", "", ""), std::invalid_argument);
  EXPECT_THROW(make_smtp_adapter("http://127.0.0.1:25", "a@b.vn", ""), std::invalid_argument);
}

}  // namespace
}  // namespace motcua::integrations
