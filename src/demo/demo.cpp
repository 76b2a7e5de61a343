#include "demo/demo.hpp"

#include <fstream>
#include <sstream>

#include "codec/demo_config.hpp"
#include "demo/demo_dossiers.hpp"
#include "demo/demo_setup.hpp"

namespace motcua::app {

tl::expected<DemoOutcome, std::string> build_demo(store::Store& store,
                                                  const calendar::WorkingCalendar& calendar,
                                                  Instant now, const DemoOptions& options) {
  const auto config_path = options.data_dir / options.config;
  std::ifstream in(config_path);
  if (!in) return tl::unexpected("cannot read " + config_path.string());
  std::stringstream text;
  text << in.rdbuf();
  const auto config = codec::parse_demo_config(text.str());
  if (!config) return tl::unexpected(config_path.string() + ": " + config.error());
  const auto& o = *config;
  const std::string today = to_iso(calendar.local(now).date);
  DemoOutcome out;
  if (auto ok = demo::set_up_agencies(store, o, options.data_dir, out); !ok)
    return tl::unexpected(ok.error());
  if (auto ok = demo::set_up_catalog(store, o, options, today, out); !ok)
    return tl::unexpected(ok.error());
  if (auto ok = demo::set_up_people(store, o, out); !ok) return tl::unexpected(ok.error());
  if (auto ok = demo::create_dossiers(store, calendar, o, now, options, out); !ok) {
    return tl::unexpected(ok.error());
  }
  return out;
}

}  // namespace motcua::app
