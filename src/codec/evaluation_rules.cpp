#include "codec/evaluation_rules.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

namespace {

// Reads `section.key` as an integer between 0 and 1000 into `out`.
bool read_int(const boost::json::object& doc, const char* section, const char* key, int& out) {
  const auto* s = doc.if_contains(section);
  const auto* v = s && s->is_object() ? s->as_object().if_contains(key) : nullptr;
  if (!v || !v->is_int64() || v->as_int64() < 0 || v->as_int64() > 1000) return false;
  out = static_cast<int>(v->as_int64());
  return true;
}

}  // namespace

tl::expected<evaluation::Rules, std::string> parse_evaluation_rules(std::string_view text) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(text, ec);
  if (ec || !doc.is_object()) return tl::unexpected(std::string("not a JSON object"));
  const auto& o = doc.as_object();
  evaluation::Rules r;
  const struct {
    const char* section;
    const char* key;
    int& value;
  } fields[] = {
      {"feedback", "full_percent", r.feedback_full_percent},
      {"feedback", "partial_percent", r.feedback_partial_percent},
      {"online", "procedures_full_percent", r.online_procedures_full_percent},
      {"online", "dossiers_full_percent", r.online_dossiers_full_percent},
      {"online", "dossiers_partial_percent", r.online_dossiers_partial_percent},
      {"official_bands", "tasks_100_from_tenths", r.official_full_tenths},
      {"official_bands", "tasks_70_100_from_tenths", r.official_partial_tenths},
      {"unit_bands", "excellent_from_tenths", r.unit_excellent_tenths},
      {"unit_bands", "good_from_tenths", r.unit_good_tenths},
      {"unit_bands", "fair_from_tenths", r.unit_fair_tenths},
      {"unit_bands", "average_from_tenths", r.unit_average_tenths},
  };
  for (const auto& f : fields) {
    if (!read_int(o, f.section, f.key, f.value)) {
      return tl::unexpected(std::string(f.section) + "." + f.key + " is missing or not 0..1000");
    }
  }
  return r;
}

}  // namespace motcua::codec
