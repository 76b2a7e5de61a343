#include "integrations/http/json_post.hpp"

#include <gtest/gtest.h>

#include "integrations/http/json_post_adapter.hpp"

namespace motcua::integrations {
namespace {

using app::delivery::DeliveryOutcome;

HttpResponse answer(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

TEST(ClassifyAnswer, TransportErrorsAndServerErrorsAreRetried) {
  HttpResponse refused;
  refused.error = "Couldn't connect to server";
  EXPECT_EQ(classify_answer(refused, read_id_field).outcome, DeliveryOutcome::retry);
  EXPECT_EQ(classify_answer(answer(503, ""), read_id_field).outcome, DeliveryOutcome::retry);
  EXPECT_EQ(classify_answer(answer(429, ""), read_id_field).outcome, DeliveryOutcome::retry);
}

TEST(ClassifyAnswer, ARefusalIsDeadAndGarbageIsRetried) {
  const auto refused = classify_answer(answer(400, R"({"error":"bad MaHoSo"})"), read_id_field);
  EXPECT_EQ(refused.outcome, DeliveryOutcome::dead);
  EXPECT_NE(refused.error.find("bad MaHoSo"), std::string::npos);
  EXPECT_EQ(classify_answer(answer(200, "<html>"), read_id_field).outcome, DeliveryOutcome::retry);
}

TEST(ClassifyAnswer, AnAcceptedAnswerCarriesThePartnersReference) {
  const auto ok = classify_answer(answer(201, R"({"id":"P-17"})"), read_id_field);
  EXPECT_EQ(ok.outcome, DeliveryOutcome::delivered);
  EXPECT_EQ(ok.partner_ref, "P-17");
  EXPECT_EQ(classify_answer(answer(200, R"({"id":42})"), read_id_field).partner_ref, "42");
}

TEST(PostJson, AClosedPortIsRetriedNotLost) {
  // Port 1 on loopback: nothing listens there on a test machine.
  const auto r =
      post_json({"http://127.0.0.1:1/x", "{}", "k", {}, std::chrono::milliseconds(2000)});
  EXPECT_EQ(r.outcome, DeliveryOutcome::retry);
  EXPECT_FALSE(r.error.empty());
}

}  // namespace
}  // namespace motcua::integrations

namespace motcua::integrations {
namespace {

TEST(JsonPostAdapter, ShowsItsEndpointWithoutCredentials) {
  EXPECT_EQ(JsonPostAdapter("https://user:secret@portal.example.vn/api/dossiers", "--portal-url")
                .endpoint(),
            "https://portal.example.vn/api/dossiers");
  EXPECT_EQ(JsonPostAdapter("http://127.0.0.1:9/dossiers", "--portal-url").endpoint(),
            "http://127.0.0.1:9/dossiers");
  const JsonPostAdapter unset("", "--portal-url");
  EXPECT_FALSE(unset.configured());
  EXPECT_EQ(unset.endpoint(), "not configured (--portal-url)");
}

}  // namespace
}  // namespace motcua::integrations
