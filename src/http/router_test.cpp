#include "http/router.hpp"

#include <gtest/gtest.h>

namespace motcua::http {
namespace {

using Outcome = RouteMatch::Outcome;

Handler named(std::string name) {
  return [name](HttpRequest&) { return HttpResponse::text(200, name); };
}

std::string run(const RouteMatch& m) {
  HttpRequest req;
  return m.route->handler(req).body;
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.add(Method::get, "/api/v1/dossiers", named("list"));
    router.add(Method::post, "/api/v1/dossiers", named("create"), {.max_body_bytes = 4096});
    router.add(Method::get, "/api/v1/dossiers/{id}", named("get"));
    router.add(Method::get, "/api/v1/dossiers/search", named("search"));
    router.add(Method::post, "/api/v1/dossiers/{id}/accept", named("accept"));
    router.add(Method::del, "/api/v1/dossiers/{code}/files/{file}", named("delete-file"));
  }
  Router router;
};

TEST_F(RouterTest, LiteralAndParameters) {
  auto m = router.match(Method::get, "/api/v1/dossiers");
  ASSERT_EQ(m.outcome, Outcome::matched);
  EXPECT_EQ(run(m), "list");
  EXPECT_EQ(m.pattern, "/api/v1/dossiers");

  m = router.match(Method::post, "/api/v1/dossiers/H01-260312-0001/accept");
  ASSERT_EQ(m.outcome, Outcome::matched);
  EXPECT_EQ(run(m), "accept");
  EXPECT_EQ(m.params.at("id"), "H01-260312-0001");
  EXPECT_EQ(m.pattern, "/api/v1/dossiers/{id}/accept");

  m = router.match(Method::del, "/api/v1/dossiers/A/files/b%2Fc%20d");
  ASSERT_EQ(m.outcome, Outcome::matched);
  EXPECT_EQ(m.params.at("code"), "A");
  EXPECT_EQ(m.params.at("file"), "b/c d");  // decoded after splitting
}

TEST_F(RouterTest, ExactSegmentWinsOverParameter) {
  auto m = router.match(Method::get, "/api/v1/dossiers/search");
  ASSERT_EQ(m.outcome, Outcome::matched);
  EXPECT_EQ(run(m), "search");
  EXPECT_TRUE(m.params.empty());

  m = router.match(Method::get, "/api/v1/dossiers/searc");
  ASSERT_EQ(m.outcome, Outcome::matched);
  EXPECT_EQ(run(m), "get");
}

TEST(Router, ParameterServesMethodsTheLiteralLacks) {
  Router r;
  r.add(Method::get, "/api/v1/users/me", named("me"));
  r.add(Method::del, "/api/v1/users/{id}", named("delete"));
  auto m = r.match(Method::del, "/api/v1/users/me");
  ASSERT_EQ(m.outcome, Outcome::matched);
  EXPECT_EQ(run(m), "delete");
  EXPECT_EQ(m.params.at("id"), "me");

  // Allow lists what any matching pattern serves.
  m = r.match(Method::put, "/api/v1/users/me");
  ASSERT_EQ(m.outcome, Outcome::method_not_allowed);
  EXPECT_EQ(m.allowed,
            (std::vector<Method>{Method::get, Method::del, Method::head, Method::options}));
  EXPECT_EQ(m.pattern, "/api/v1/users/me");
}

TEST_F(RouterTest, NotFoundVersusMethodNotAllowed) {
  EXPECT_EQ(router.match(Method::get, "/api/v1/nothing").outcome, Outcome::not_found);
  EXPECT_EQ(router.match(Method::get, "/api/v1/dossiers/").outcome, Outcome::not_found);
  EXPECT_EQ(router.match(Method::get, "/api/v1/dossiers/x/accept/more").outcome,
            Outcome::not_found);

  const auto m = router.match(Method::put, "/api/v1/dossiers");
  ASSERT_EQ(m.outcome, Outcome::method_not_allowed);
  EXPECT_EQ(m.allowed,
            (std::vector<Method>{Method::get, Method::post, Method::head, Method::options}));
  EXPECT_EQ(m.pattern, "/api/v1/dossiers");
}

TEST_F(RouterTest, HeadUsesGetAndOptionsIsAutomatic) {
  auto m = router.match(Method::head, "/api/v1/dossiers/7");
  ASSERT_EQ(m.outcome, Outcome::matched);
  EXPECT_EQ(run(m), "get");

  m = router.match(Method::options, "/api/v1/dossiers/7/accept");
  ASSERT_EQ(m.outcome, Outcome::options);
  EXPECT_EQ(m.allowed, (std::vector<Method>{Method::post, Method::options}));

  EXPECT_EQ(router.match(Method::head, "/api/v1/dossiers/7/accept").outcome,
            Outcome::method_not_allowed);
}

TEST_F(RouterTest, BadPathIsReported) {
  EXPECT_EQ(router.match(Method::get, "/api/v1/dossiers/%zz").outcome, Outcome::bad_path);
  EXPECT_EQ(router.match(Method::get, "/api/v1/dossiers/a%00").outcome, Outcome::bad_path);
}

TEST_F(RouterTest, RouteOptionsAndListing) {
  const auto m = router.match(Method::post, "/api/v1/dossiers");
  ASSERT_EQ(m.outcome, Outcome::matched);
  EXPECT_EQ(m.route->options.max_body_bytes, 4096u);

  const auto routes = router.routes();
  ASSERT_EQ(routes.size(), 6u);
  EXPECT_EQ(routes[0], (RouteInfo{Method::get, "/api/v1/dossiers"}));
  EXPECT_EQ(routes[5], (RouteInfo{Method::del, "/api/v1/dossiers/{code}/files/{file}"}));
}

TEST(Router, RejectsMalformedPatterns) {
  Router r;
  const auto h = named("x");
  EXPECT_THROW(r.add(Method::get, "", h), std::invalid_argument);
  EXPECT_THROW(r.add(Method::get, "no/slash", h), std::invalid_argument);
  EXPECT_THROW(r.add(Method::get, "/a/{}", h), std::invalid_argument);
  EXPECT_THROW(r.add(Method::get, "/a/{id", h), std::invalid_argument);
  EXPECT_THROW(r.add(Method::get, "/a/x{id}", h), std::invalid_argument);
  EXPECT_THROW(r.add(Method::get, "/a/{1d}", h), std::invalid_argument);
  EXPECT_THROW(r.add(Method::get, "/a/{id}/b/{id}", h), std::invalid_argument);
  EXPECT_THROW(r.add(Method::get, "/a", Handler{}), std::invalid_argument);
  r.add(Method::get, "/a/{id}", h);
  EXPECT_THROW(r.add(Method::get, "/a/{other}", h), std::invalid_argument);  // same shape
  EXPECT_NO_THROW(r.add(Method::post, "/a/{other}", h));
  EXPECT_EQ(r.routes().size(), 2u);
}

TEST(Router, RootAndTrailingSlashAreDistinct) {
  Router r;
  r.add(Method::get, "/", named("root"));
  r.add(Method::get, "/a", named("a"));
  EXPECT_EQ(run(r.match(Method::get, "/")), "root");
  EXPECT_EQ(run(r.match(Method::get, "/a")), "a");
  EXPECT_EQ(r.match(Method::get, "/a/").outcome, Outcome::not_found);
  EXPECT_EQ(r.match(Method::get, "//a").outcome, Outcome::not_found);
}

}  // namespace
}  // namespace motcua::http
