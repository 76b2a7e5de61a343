// The access log keeps no ID or phone number a path may carry (docs/security.md "Personal data at
// rest"): they are masked, the rest of the line is as it was.
#include "http/access_log.hpp"

#include <gtest/gtest.h>

namespace motcua::http {
namespace {

TEST(AccessLog, IdAndPhoneNumbersInThePathAreMasked) {
  AccessRecord r;
  r.method = "GET";
  r.path = "/api/v1/people/079090001234/phones/0912345689";
  r.route = "/api/v1/people/{id}/phones/{phone}";
  r.status = 404;
  const std::string line = access_log_line(r);
  EXPECT_EQ(line.find("079090001234"), std::string::npos) << line;
  EXPECT_EQ(line.find("0912345689"), std::string::npos) << line;
  EXPECT_NE(line.find("\"path\":\"/api/v1/people/0*********34/phones/0*******89\""),
            std::string::npos)
      << line;
  EXPECT_NE(line.find("\"route\":\"/api/v1/people/{id}/phones/{phone}\""), std::string::npos);
}

}  // namespace
}  // namespace motcua::http
