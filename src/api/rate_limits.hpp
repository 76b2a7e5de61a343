// The rate limits of the public and upload routes (issue 18 point 4, docs/security.md "Rate
// limits"), per real client (http/client_address.hpp). Generous for a person at a browser, even
// on an office's shared address; tight where a script is the only one who would need more:
//   tracking  a public lookup by dossier code: 60 at once, then 1 a second (guessing codes at that
//             pace finds nothing in any useful time; the receipt's QR code opens one page)
//   search    procedure search as one types: 120 at once, then 5 a second
//   feedback  anonymous feedback on regulations: 10 at once, then 1 a minute
//   uploads   papers of a dossier (a procedure may need 33): 60 at once, then 1 every 2 seconds
// `motcua serve --rate-limits off` switches them off for load tests on loopback.
#pragma once

#include "http/rate_limiter.hpp"

namespace motcua::api {

struct RateLimits {
  http::RateLimiter tracking{"tracking", {60, 1}};
  http::RateLimiter search{"search", {120, 5}};
  http::RateLimiter feedback{"feedback", {10, 1.0 / 60}};
  http::RateLimiter uploads{"uploads", {60, 0.5}};

  void switch_off() {
    for (http::RateLimiter* l : {&tracking, &search, &feedback, &uploads}) l->set_policy({1, 0});
  }
};

}  // namespace motcua::api
