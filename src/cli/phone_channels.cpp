#include "cli/phone_channels.hpp"

#include <cstdlib>
#include <filesystem>

#include "integrations/sms/sms_gateway.hpp"
#include "integrations/zalo/zns_adapter.hpp"

namespace motcua::cli {

namespace fs = std::filesystem;

namespace {

// data/notifications beside the working directory (a checkout) or the binary, else the
// packaged copy; MOTCUA_NOTIFICATIONS_DIR overrides.
fs::path notifications_dir() {
  if (const char* env = std::getenv("MOTCUA_NOTIFICATIONS_DIR"); env != nullptr && *env != '\0')
    return env;
  const fs::path relative = fs::path("data") / "notifications";
  std::error_code ec;
  if (fs::is_directory(relative, ec)) return relative;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& base : {exe.parent_path().parent_path(), exe.parent_path()}) {
      if (fs::is_directory(base / relative, ec)) return base / relative;
    }
  }
  return "/usr/share/motcua/notifications";
}

tl::unexpected<std::string> missing(std::string why) { return tl::unexpected(std::move(why)); }

}  // namespace

AdapterOrMissing sms_adapter(const DeliveryOptions& options) {
  if (options.sms_url.empty()) return missing("--sms-url");
  if (options.sms_token_file.empty()) return missing("--sms-token-file");
  if (options.sms_brandname.empty()) return missing("--sms-brandname");
  integrations::sms::SmsGatewayConfig config;
  config.url = options.sms_url;
  config.brandname = options.sms_brandname;
  config.secret_file = options.sms_token_file;
  if (options.sms_charset == "unicode") {
    config.charset = integrations::sms::SmsCharset::unicode;
  } else if (!options.sms_charset.empty() && options.sms_charset != "gsm7") {
    return missing("--sms-charset: '" + options.sms_charset + "' is neither gsm7 nor unicode");
  }
  const fs::path dir = notifications_dir();
  auto templates = integrations::sms::load_sms_templates(dir / "sms-templates.json");
  if (!templates) return missing(templates.error());
  auto numbering = integrations::load_mobile_numbering(dir / "vn-mobile-numbering.json");
  if (!numbering) return missing(numbering.error());
  return std::make_shared<integrations::sms::SmsGatewayAdapter>(
      std::move(config), std::move(*templates), std::move(*numbering));
}

AdapterOrMissing zalo_adapter(const DeliveryOptions& options) {
  if (options.zalo_url.empty()) return missing("--zalo-url");
  if (options.zalo_token_file.empty()) return missing("--zalo-token-file");
  integrations::zalo::ZnsConfig config;
  config.url = options.zalo_url;
  config.token_file = options.zalo_token_file;
  const fs::path dir = notifications_dir();
  auto templates = integrations::zalo::load_zns_templates(dir / "zalo-templates.json");
  if (!templates) return missing(templates.error());
  auto numbering = integrations::load_mobile_numbering(dir / "vn-mobile-numbering.json");
  if (!numbering) return missing(numbering.error());
  return std::make_shared<integrations::zalo::ZnsAdapter>(std::move(config), std::move(*templates),
                                                          std::move(*numbering));
}

}  // namespace motcua::cli
