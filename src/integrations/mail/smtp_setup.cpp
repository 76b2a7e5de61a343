#include "integrations/mail/smtp_setup.hpp"

#include <stdexcept>

#include "integrations/mail/smtp_adapter.hpp"

namespace motcua::integrations {

std::shared_ptr<app::delivery::DeliveryAdapter> make_smtp_adapter(
    const std::string& smtp_url, const std::string& mail_from, const std::string& public_url,
    const std::string& templates_file) {
  if (mail_from.find('@') == std::string::npos ||
      mail_from.find_first_of("<> \r\n") != std::string::npos)
    throw std::invalid_argument(
        "--smtp cần --mail-from là một địa chỉ thư (vd. motcua@tinh.gov.vn) / --smtp needs "
        "--mail-from, a bare e-mail address (e.g. motcua@province.gov.vn)");
  if (smtp_url.rfind("smtp://", 0) != 0 && smtp_url.rfind("smtps://", 0) != 0)
    throw std::invalid_argument(
        "--smtp phải có dạng smtp://MÁY:CỔNG hoặc smtps://MÁY:CỔNG / --smtp must be "
        "smtp://HOST:PORT or smtps://HOST:PORT");
  SmtpConfig config;
  config.url = smtp_url;
  config.from = mail_from;
  config.public_url = public_url;
  return std::make_shared<SmtpAdapter>(std::move(config), MailTemplates::load(templates_file));
}

}  // namespace motcua::integrations
