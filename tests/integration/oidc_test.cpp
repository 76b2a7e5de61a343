// Citizen login through OpenID Connect against a REAL provider on loopback (npm oidc-provider,
// tools/emulators/oidc_provider.mjs; issue 15 point 4; docs/integrations.md "Identity (OIDC)"):
// the "browser" below follows the redirects from MotCua to the provider and back, keeping each
// site's cookies. A first login creates the applicant account, a second one reuses it; a wrong or
// replayed state, another browser's callback, and ID tokens with a wrong nonce, audience or issuer,
// expired, signed by another key, unsigned or HMAC-signed are each refused and audited.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>

#include "api_client.hpp"
#include "fixture.hpp"
#include "http_client.hpp"
#include "integrations/http/http_client.hpp"
#include "integrations/testing/python_emulator.hpp"
#include "server_process.hpp"
#include "store/audit_log.hpp"
#include "store/identity_repository.hpp"
#include "store/open_store.hpp"
#include "store/personal_data.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";
constexpr const char* kClientId = "motcua-test";

std::string cookie_pair(const std::string& set_cookie) {
  return set_cookie.substr(0, set_cookie.find(';'));
}

class Oidc : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string script = std::string(MOTCUA_SOURCE_DIR) + "/scripts/oidc-test-deps";
    ASSERT_EQ(std::system(script.c_str()), 0) << "npm ci of tests/oidc failed";
  }

  void SetUp() override {
    seed_fixture(db_);
    { std::ofstream(dir_.file("secret")) << "hai-muoi-ky-tu-bi-mat-thu-nghiem\n"; }
    provider_ = std::make_unique<integrations::testing::PythonEmulator>(
        MOTCUA_SOURCE_DIR, "tools/emulators/oidc_provider.mjs",
        std::vector<std::string>{"--client-id", kClientId, "--client-secret-file",
                                 dir_.file("secret")});
  }

  void start_server(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--fake-now",
                                     "2026-03-09T09:00",
                                     "--oidc-issuer",
                                     provider_->url(),
                                     "--oidc-client-id",
                                     kClientId,
                                     "--oidc-client-secret-file",
                                     dir_.file("secret")};
    args.insert(args.end(), extra.begin(), extra.end());
    server_ = std::make_unique<ServerProcess>(kBinary, db_, args);
  }

  // MotCua's start: its redirect to the provider and the verifier cookie it set.
  struct Started {
    std::string location;
    std::string verifier_cookie;
  };
  Started start_login() {
    const auto r = http_request(server_->port(), "GET", "/api/v1/auth/oidc/start?return=/citizen");
    EXPECT_EQ(r.status, 302) << r.body;
    return {r.header("Location"), cookie_pair(r.header("Set-Cookie"))};
  }

  // The browser at the provider: follows its redirects (keeping its cookies) until it is sent back
  // to MotCua's callback; answers the callback's target (path and query).
  std::string at_provider(std::string url) {
    // The test client's Host names no port: MotCua's redirect_uri is http://127.0.0.1/...
    const std::string callback = "http://127.0.0.1/api/v1/auth/oidc/callback";
    for (int hop = 0; hop < 10; ++hop) {
      if (url.starts_with(callback)) return url.substr(url.find("/api/v1/"));
      integrations::HttpRequest request;
      request.method = "GET";
      request.url = url;
      std::string cookies;
      for (const auto& [name, value] : provider_cookies_) cookies += name + "=" + value + "; ";
      if (!cookies.empty()) request.headers = {{"Cookie", cookies}};
      const auto answer = integrations::http_send(request);
      EXPECT_TRUE(answer.status == 302 || answer.status == 303)
          << answer.status << answer.body << answer.error << " " << url;
      std::string next;
      for (const auto& [name, value] : answer.headers) {
        if (name == "set-cookie") {
          const auto pair = cookie_pair(value);
          provider_cookies_[pair.substr(0, pair.find('='))] = pair.substr(pair.find('=') + 1);
        }
        if (name == "location") next = value;
      }
      if (next.empty()) return {};
      url = next.starts_with("/") ? provider_->url() + next : next;
    }
    ADD_FAILURE() << "no way back to MotCua";
    return {};
  }

  HttpResult callback(const std::string& target, const std::string& verifier_cookie) {
    return http_request(server_->port(), "GET", target,
                        verifier_cookie.empty() ? std::vector<std::pair<std::string, std::string>>{}
                                                : std::vector<std::pair<std::string, std::string>>{
                                                      {"Cookie", verifier_cookie}});
  }

  // A whole login; answers the callback's answer.
  HttpResult log_in() {
    const auto started = start_login();
    return callback(at_provider(started.location), started.verifier_cookie);
  }

  static std::string session_cookie(const HttpResult& r) {
    for (const auto& [name, value] : r.headers) {
      if ((name == "Set-Cookie" || name == "set-cookie") && value.starts_with("motcua_session="))
        return cookie_pair(value);
    }
    return {};
  }

  json::object who_am_i(const std::string& cookie) {
    const auto r = http_request(server_->port(), "GET", "/api/v1/session", {{"Cookie", cookie}});
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body).as_object();
  }

  std::string problem_code(const HttpResult& r) {
    return std::string(json::parse(r.body).at("code").as_string());
  }

  IntegrationDatabase database_;
  std::string db_ = database_.name();
  TempDir dir_{"oidc"};
  std::unique_ptr<integrations::testing::PythonEmulator> provider_;
  std::unique_ptr<ServerProcess> server_;
  std::map<std::string, std::string> provider_cookies_;
};

TEST_F(Oidc, FirstLoginCreatesTheApplicantAccountAndTheNextReusesIt) {
  start_server();
  const auto offered = http_request(server_->port(), "GET", "/api/v1/auth/oidc");
  ASSERT_EQ(offered.status, 200);
  EXPECT_EQ(json::parse(offered.body),
            json::parse(R"({"enabled":true,"citizen_login":"password"})"));
  const auto started = start_login();
  // The authorization request carries PKCE S256, state and nonce, and asks for the ID number.
  for (const char* part : {"response_type=code", "code_challenge_method=S256", "code_challenge=",
                           "state=", "nonce=", "scope=openid%20profile%20citizen_id"}) {
    EXPECT_NE(started.location.find(part), std::string::npos) << part << " " << started.location;
  }
  EXPECT_TRUE(started.location.starts_with(provider_->url() + "/auth?")) << started.location;
  EXPECT_TRUE(started.verifier_cookie.starts_with("motcua_oidc=")) << started.verifier_cookie;

  const auto first = callback(at_provider(started.location), started.verifier_cookie);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_NE(first.body.find("url=/citizen"), std::string::npos) << first.body;
  const auto cookie = session_cookie(first);
  ASSERT_FALSE(cookie.empty());
  const auto me = who_am_i(cookie);
  const auto& user = me.at("user").as_object();
  EXPECT_TRUE(user.at("applicant").as_bool());
  EXPECT_EQ(user.at("display_name").as_string(), "Nguyễn Văn An");
  EXPECT_FALSE(me.at("csrf_token").as_string().empty());
  const std::string user_id(user.at("id").as_string());

  // The token request used client_secret_basic and the PKCE verifier.
  const auto token_requests = provider_->received();
  ASSERT_EQ(token_requests.size(), 1u);
  EXPECT_EQ(token_requests[0].at("client_auth").as_string(), "Basic");
  EXPECT_TRUE(token_requests[0].at("code_verifier_sent").as_bool());

  // The second login (the provider remembers the citizen) lands on the same account.
  const auto second = log_in();
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(who_am_i(session_cookie(second)).at("user").at("id").as_string(), user_id);

  auto store = store::open_store(db_);
  store->read([&](store::SqlConnection& db) {
    const auto identity = store::find_identity(db, provider_->url(), "citizen-001");
    ASSERT_TRUE(identity.has_value());
    EXPECT_EQ(identity->user_id, user_id);
    EXPECT_EQ(identity->id_number, "001090012345");
    EXPECT_TRUE(store::identity_verified(db, user_id));
    // At rest both copies of the ID number are sealed under the data key; read back they are clear.
    const auto account_id =
        db.query_one("SELECT id_number FROM users WHERE id = ?", {user_id})->text(0);
    EXPECT_EQ(account_id.rfind("enc2:", 0), 0u) << account_id;
    EXPECT_EQ(store::unseal(account_id, "users", "id_number", user_id), "001090012345");
    const auto linked_id =
        db.query_one("SELECT id_number FROM user_identities WHERE user_id = ?", {user_id})->text(0);
    EXPECT_EQ(linked_id.rfind("enc2:", 0), 0u) << linked_id;
    EXPECT_EQ(store::unseal(linked_id, "user_identities", "id_number", user_id), "001090012345");
  });
}

TEST_F(Oidc, UnknownReplayedOrForeignStatesAreRefusedAndAudited) {
  start_server();
  const auto unknown = callback("/api/v1/auth/oidc/callback?code=x&state=not-a-state", "");
  EXPECT_EQ(unknown.status, 401) << unknown.body;
  EXPECT_EQ(problem_code(unknown), "oidc_state_unknown");

  // The callback of a login started in another browser (no verifier cookie) is refused, and its
  // state is spent.
  const auto started = start_login();
  const auto target = at_provider(started.location);
  const auto foreign = callback(target, "");
  EXPECT_EQ(foreign.status, 401) << foreign.body;
  EXPECT_EQ(problem_code(foreign), "oidc_browser_mismatch");
  const auto late = callback(target, started.verifier_cookie);
  EXPECT_EQ(late.status, 401) << late.body;
  EXPECT_EQ(problem_code(late), "oidc_state_unknown");

  // A successful callback replayed: the state was used once.
  const auto again = start_login();
  const auto good_target = at_provider(again.location);
  ASSERT_EQ(callback(good_target, again.verifier_cookie).status, 200);
  const auto replay = callback(good_target, again.verifier_cookie);
  EXPECT_EQ(replay.status, 401) << replay.body;
  EXPECT_EQ(problem_code(replay), "oidc_state_unknown");

  auto store = store::open_store(db_);
  std::vector<std::string> reasons;
  store->read([&](store::SqlConnection& db) {
    for (const auto& e : store::audit_of(db, "session")) {
      if (e.action == "session.oidc_refused") reasons.push_back(e.reason);
    }
  });
  EXPECT_EQ(reasons, (std::vector<std::string>{"oidc_state_unknown", "oidc_browser_mismatch",
                                               "oidc_state_unknown", "oidc_state_unknown"}));
}

TEST_F(Oidc, SpoiledIdTokensAreRefused) {
  start_server();
  const std::map<std::string, std::string> cases = {
      {"wrong_nonce", "nonce"},  {"expired", "exp"},      {"other_key", "bad_signature"},
      {"wrong_audience", "aud"}, {"wrong_issuer", "iss"}, {"alg_none", "alg_refused"},
      {"hs256", "alg_refused"},
  };
  for (const auto& [mode, detail] : cases) {
    provider_->control(json::object{{"mode", mode}, {"count", 1}});
    const auto r = log_in();
    EXPECT_EQ(r.status, 401) << mode << " " << r.body;
    EXPECT_TRUE(session_cookie(r).empty()) << mode;
    const auto problem = json::parse(r.body).as_object();
    EXPECT_EQ(problem.at("code").as_string(), "oidc_token_invalid") << mode;
    EXPECT_NE(std::string(problem.at("detail").as_string()).find(detail), std::string::npos)
        << mode << " " << r.body;
  }
  // No account was created by any of them; an unspoiled login still works.
  auto store = store::open_store(db_);
  store->read([&](store::SqlConnection& db) {
    EXPECT_FALSE(store::find_identity(db, provider_->url(), "citizen-001").has_value());
  });
  EXPECT_EQ(log_in().status, 200);
}

TEST_F(Oidc, OidcOnlyModeRefusesCitizensPasswordsButNotOfficials) {
  start_server({"--citizen-login", "oidc-only"});
  const auto offered = http_request(server_->port(), "GET", "/api/v1/auth/oidc");
  EXPECT_EQ(json::parse(offered.body).at("citizen_login").as_string(), "oidc-only");
  const auto password_login = [&](const std::string& username) {
    return http_request(
        server_->port(), "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
        json::serialize(json::object{{"username", username}, {"password", kPassword}}));
  };
  const auto citizen = password_login("an");
  EXPECT_EQ(citizen.status, 403) << citizen.body;
  EXPECT_EQ(problem_code(citizen), "password_login_disabled");
  EXPECT_TRUE(session_cookie(citizen).empty());
  EXPECT_EQ(password_login("tiepnhan").status, 200);
  EXPECT_EQ(log_in().status, 200);
  // Nor can a citizen make a local password by signing up or resetting one with a code.
  for (const auto& [path, body] : std::vector<std::pair<std::string, json::object>>{
           {"/api/v1/accounts",
            {{"address", "moi@example.vn"},
             {"display_name", "Người Mới"},
             {"password", kPassword}}},
           {"/api/v1/password-reset", {{"address", "an@example.vn"}}}}) {
    const auto refused =
        http_request(server_->port(), "POST", path, {{"Content-Type", "application/json"}},
                     json::serialize(body));
    EXPECT_EQ(refused.status, 403) << path << refused.body;
    EXPECT_EQ(problem_code(refused), "password_login_disabled") << path;
  }
}

// Each start writes a row: 60 starts per client address in 15 minutes, then 429.
TEST_F(Oidc, StartsAreLimitedPerAddress) {
  start_server();
  for (int i = 0; i < 60; ++i) ASSERT_EQ(start_login().location.empty(), false) << i;
  const auto r = http_request(server_->port(), "GET", "/api/v1/auth/oidc/start");
  EXPECT_EQ(r.status, 429) << r.body;
  EXPECT_EQ(problem_code(r), "too_many_attempts");
  EXPECT_FALSE(r.header("Retry-After").empty());
}

// A provider that does not answer: the login cannot start, and says so (no redirect anywhere).
TEST_F(Oidc, AnUnreachableProviderIsAClearRefusal) {
  server_ = std::make_unique<ServerProcess>(
      kBinary, db_,
      std::vector<std::string>{"--oidc-issuer", "http://127.0.0.1:1", "--oidc-client-id", kClientId,
                               "--oidc-client-secret-file", dir_.file("secret")});
  const auto r = http_request(server_->port(), "GET", "/api/v1/auth/oidc/start");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(problem_code(r), "oidc_provider_unavailable");
  EXPECT_TRUE(r.header("Location").empty());
}

// Issue 15 point 4: a dossier submitted by an identity-verified account carries the flag to the
// portal's sync record (TaiKhoanDuocXacThucVoiVNeID) and shows it to officials; a password
// account's dossier does not.
TEST_F(Oidc, DossierOfAVerifiedAccountCarriesTheFlagToThePortalAndToOfficials) {
  start_server();
  const auto logged_in = log_in();
  ASSERT_EQ(logged_in.status, 200) << logged_in.body;
  const auto cookie = session_cookie(logged_in);
  const std::string csrf(who_am_i(cookie).at("csrf_token").as_string());
  const auto created = http_request(
      server_->port(), "POST", "/api/v1/dossiers",
      {{"Content-Type", "application/json"}, {"Cookie", cookie}, {"X-CSRF-Token", csrf}},
      json::serialize(json::object{
          {"procedure_code", "1.001193"}, {"agency_id", "c1"}, {"receiving_unit_id", "u1"}}));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string verified_id(json::parse(created.body).at("id").as_string());

  ApiClient an(server_->port()), reception(server_->port());
  ASSERT_EQ(an.login("an", kPassword), 200);
  ASSERT_EQ(reception.login("tiepnhan", kPassword), 200);
  auto plain = an.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                        {"agency_id", "c1"},
                                                        {"receiving_unit_id", "u1"}});
  ASSERT_EQ(plain.status, 201) << plain.raw.body;
  const std::string plain_id(plain.body.at("id").as_string());

  for (const auto& [id, verified] : {std::pair{verified_id, true}, std::pair{plain_id, false}}) {
    ASSERT_EQ(reception.post("/api/v1/dossiers/" + id + "/accept", json::object{}).status, 200);
    const auto seen = reception.get("/api/v1/dossiers/" + id);
    ASSERT_EQ(seen.status, 200);
    EXPECT_EQ(seen.body.at("applicant_identity_verified").as_bool(), verified) << id;
  }

  auto store = store::open_store(db_);
  store->read([&](store::SqlConnection& db) {
    for (const auto& [id, verified] : {std::pair{verified_id, true}, std::pair{plain_id, false}}) {
      const auto rows = db.query(
          "SELECT payload, idempotency_key FROM outbox WHERE topic = 'national_portal.sync' AND "
          "idempotency_key LIKE ?",
          {id + ":%"});
      ASSERT_FALSE(rows.empty()) << id;
      for (const auto& row : rows) {
        const auto payload =
            store::unseal(row.text(0), "outbox", "payload", row.text(1));  // sealed at rest
        EXPECT_EQ(json::parse(payload).at("TaiKhoanDuocXacThucVoiVNeID").as_bool(), verified)
            << payload;
      }
    }
  });
}

}  // namespace
}  // namespace motcua::testing
