#include "shares.hpp"

#include <boost/json.hpp>
#include <cmath>

namespace motcua::dataset {

namespace json = boost::json;

tl::expected<Shares, std::string> parse_shares(const std::string& json_text) {
  boost::system::error_code ec;
  const auto doc = json::parse(json_text, ec);
  if (ec || !doc.is_object()) return tl::unexpected(std::string("not a JSON object"));
  const auto& o = doc.as_object();
  std::string missing;
  const auto share = [&](const json::object& in, const char* key) {
    const auto* v = in.if_contains(key);
    if (v == nullptr || !v->is_number()) {
      missing = key;
      return 0.0;
    }
    const double d = v->to_number<double>();
    if (d < 0 || d > 1) missing = key;
    return d;
  };
  Shares s;
  const auto* channels = o.if_contains("channels");
  if (channels == nullptr || !channels->is_object())
    return tl::unexpected(std::string("channels missing"));
  const auto& c = channels->as_object();
  s.counter = share(c, "counter");
  s.online = share(c, "online");
  s.national_portal = share(c, "national_portal");
  s.post = share(c, "post");
  s.province_level = share(o, "province_level");
  s.refused_at_receipt = share(o, "refused_at_receipt");
  s.withdrawn = share(o, "withdrawn");
  s.supplement = share(o, "supplement");
  s.supplement_never_provided = share(o, "supplement_never_provided");
  s.fee = share(o, "fee");
  s.late = share(o, "late");
  s.late_announced_by_apology = share(o, "late_announced_by_apology");
  s.rejected_after_review = share(o, "rejected_after_review");
  s.finished_on_deadline_day = share(o, "finished_on_deadline_day");
  s.rated = share(o, "rated");
  s.arrivals_in_morning_peak = share(o, "arrivals_in_morning_peak");
  const auto* scores = o.if_contains("rating_overall_1_to_5");
  if (scores == nullptr || !scores->is_array() || scores->as_array().size() != 5)
    return tl::unexpected(std::string("rating_overall_1_to_5 must list five shares"));
  double scores_sum = 0;
  for (std::size_t i = 0; i < 5; ++i) {
    const auto& v = scores->as_array()[i];
    if (!v.is_number())
      return tl::unexpected(std::string("rating_overall_1_to_5 must list numbers"));
    s.rating_overall[i] = v.to_number<double>();
    scores_sum += s.rating_overall[i];
  }
  if (!missing.empty()) return tl::unexpected(missing + " missing or outside 0..1");
  if (std::abs(s.counter + s.online + s.national_portal + s.post - 1) > 1e-6)
    return tl::unexpected(std::string("channels must sum to 1"));
  if (std::abs(scores_sum - 1) > 1e-6)
    return tl::unexpected(std::string("rating shares must sum to 1"));
  return s;
}

}  // namespace motcua::dataset
