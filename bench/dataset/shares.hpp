// The shares of the synthetic history (data/bench/dataset-shares.json): how dossiers arrive and
// how their lives go. Read once at start; the generator only draws from them.
#pragma once

#include <array>
#include <string>
#include <tl/expected.hpp>

namespace motcua::dataset {

struct Shares {
  // Arrival channels, summing to 1: counter, online (a citizen account), the National Public
  // Service Portal, post.
  double counter = 0, online = 0, national_portal = 0, post = 0;
  double province_level = 0;  // dossiers of a provincial procedure (else a commune's)
  double refused_at_receipt = 0;
  double withdrawn = 0;
  double supplement = 0, supplement_never_provided = 0;
  double fee = 0;
  double late = 0, late_announced_by_apology = 0;
  double rejected_after_review = 0;
  double finished_on_deadline_day = 0;  // of the dossiers finished in time
  double rated = 0;                     // of the returned dossiers of a citizen account
  std::array<double, 5> rating_overall{};
  double arrivals_in_morning_peak = 0;
};

tl::expected<Shares, std::string> parse_shares(const std::string& json_text);

}  // namespace motcua::dataset
