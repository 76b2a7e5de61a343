// Black-box tests of the motcua binary: every output is one JSON document on stdout; bad input is a
// message on stderr, nothing on stdout and exit status 2.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include "run_process.hpp"
#include "store/data_keys.hpp"

namespace motcua {
namespace {

namespace json = boost::json;
using testing::run_process;

const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

json::object run_ok(const std::string& args) {
  const auto r = run_process(kBinary + " " + args);
  EXPECT_EQ(r.status, 0) << args << "\n" << r.err;
  EXPECT_EQ(r.err, "");
  return json::parse(r.out).as_object();
}

void expect_bad_input(const std::string& args, const std::string& message_part) {
  const auto r = run_process(kBinary + " " + args);
  EXPECT_EQ(r.status, 2) << args;
  EXPECT_EQ(r.out, "") << args;
  EXPECT_NE(r.err.find(message_part), std::string::npos) << args << " -> " << r.err;
}

TEST(Cli, DatabaseUrlsOfOtherEnginesAreRefusedNotTakenForFiles) {
  for (const std::string command : {"migrate", "verify-log", "demo", "serve"}) {
    expect_bad_input(command + " --db mysql://localhost/motcua", "unsupported database URL");
  }
  const auto r = run_process("MOTCUA_DB=sqlite://var/x.db " + kBinary + " migrate");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unsupported database URL scheme 'sqlite://'"), std::string::npos) << r.err;
  EXPECT_FALSE(std::ifstream("mysql:"));
  EXPECT_FALSE(std::ifstream("sqlite:"));
}

TEST(Cli, APostgresUrlSelectsPostgres) {
  // Nothing listens on port 1: the error is PostgreSQL's, proof that no SQLite file was opened.
  const auto r = run_process(kBinary + " migrate --db postgresql://motcua@127.0.0.1:1/motcua");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cannot connect to PostgreSQL"), std::string::npos) << r.err;
}

TEST(Cli, DeadlineFindsItsDataFromTheRepositoryRoot) {
  const auto out =
      run_ok("deadline --received 2026-03-06T17:30 --limit '3 working-days' --rule civil-code");
  EXPECT_EQ(out.at("counting_starts"), "2026-03-09T08:00:00+07:00");
  EXPECT_EQ(out.at("due"), "2026-03-12T17:00:00+07:00");
  EXPECT_EQ(out.at("provisional"), false);
}

TEST(Cli, DeadlineStandardRuleIsTheDefault) {
  const auto out = run_ok("deadline --received 2026-03-06T17:30 --limit '3 working-days'");
  EXPECT_EQ(out.at("rule"), "standard");
  EXPECT_EQ(out.at("due"), "2026-03-11T17:00:00+07:00");
}

TEST(Cli, DeadlineInAnUnannouncedYearIsProvisional) {
  const auto out =
      run_ok("deadline --received 2027-02-01T10:00 --limit '5 working-days' --rule civil-code");
  EXPECT_EQ(out.at("due"), "2027-02-15T17:00:00+07:00");
  EXPECT_EQ(out.at("provisional"), true);
}

TEST(Cli, CalendarDirOverride) {
  // An empty calendar folder: 2026 becomes provisional (Labour Code days only, no 22/08 make-up).
  const auto dir = std::filesystem::temp_directory_path() / "motcua-empty-calendar";
  std::filesystem::create_directories(dir);
  const auto out = run_ok("calendar --year 2026 --calendar-dir " + dir.string());
  EXPECT_EQ(out.at("provisional"), true);
  for (const auto& day : out.at("days").as_array()) {
    EXPECT_NE(day.at("date"), "2026-08-22");
  }
  std::filesystem::remove_all(dir);
}

TEST(Cli, CalendarListsWeekdaysOffAndWeekendsWorked) {
  const auto out = run_ok("calendar --year 2026");
  EXPECT_EQ(out.at("year"), 2026);
  EXPECT_EQ(out.at("provisional"), false);
  bool saw_makeup = false, saw_weekend_holiday = false;
  for (const auto& day : out.at("days").as_array()) {
    if (day.at("date") == "2026-08-22") saw_makeup = day.at("kind") == "makeup_workday";
    if (day.at("date") == "2026-04-26") saw_weekend_holiday = true;  // a Sunday: not listed
  }
  EXPECT_TRUE(saw_makeup);
  EXPECT_FALSE(saw_weekend_holiday);
  const auto pending = run_ok("calendar --year 2026 --include-pending-holidays");
  EXPECT_EQ(pending.at("days").as_array().size(), out.at("days").as_array().size() + 1);
}

TEST(Cli, Lunar) {
  const auto out = run_ok("lunar 2026-02-17");
  EXPECT_EQ(json::serialize(out), R"({"year":2026,"month":1,"day":1,"leap":false})");
}

TEST(Cli, ClockFromStdinAndFile) {
  const std::string timeline = R"({"limit":"10 working-days","rule":"civil-code","events":[)"
                               R"({"at":"2026-03-02T10:00","type":"received"},)"
                               R"({"at":"2026-03-04T10:00","type":"supplement_requested"},)"
                               R"({"at":"2026-03-10T10:00","type":"supplement_completed"}]})";
  const auto r = run_process("printf '%s' '" + timeline + "' | " + kBinary + " clock -");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto out = json::parse(r.out).as_object();
  EXPECT_EQ(out.at("due"), "2026-03-24T17:00:00+07:00");
  EXPECT_EQ(out.at("due_766"), "2026-03-20T17:00:00+07:00");
  EXPECT_TRUE(out.at("on_time").is_null());
  const auto path = std::filesystem::temp_directory_path() / "motcua-timeline.json";
  std::ofstream(path) << timeline;
  const auto from_file = run_ok("clock " + path.string());
  EXPECT_EQ(json::serialize(from_file), json::serialize(out));
  std::filesystem::remove(path);
}

TEST(Cli, FeedbackDetectorEvalPrintsPrecisionAndRecall) {
  const auto out = run_ok("feedback-detector-eval");
  EXPECT_GE(out.at("items").as_int64(), 60);
  const auto& cv = out.at("cross_validated").as_object();
  EXPECT_GE(cv.at("precision").to_number<double>(), 0.95);
  EXPECT_GE(cv.at("recall").to_number<double>(), 0.95);
  EXPECT_TRUE(out.at("cross_validated_published_only").is_object());
  expect_bad_input("feedback-detector-eval --data-dir /nonexistent", "cannot read");
}

TEST(Cli, BadInputIsExitTwoWithAMessageAndNoOutput) {
  expect_bad_input("deadline --received 2026-02-30T10:00 --limit '3 working-days'",
                   "malformed date-time");
  expect_bad_input("deadline --received 2026-03-02T10:00 --limit '3 fortnights'",
                   "unknown time limit unit");
  expect_bad_input("deadline --received 2026-03-02T10:00 --limit '3 working-days' --rule lenient",
                   "unknown rule");
  expect_bad_input("deadline --received 2100-12-30T10:00 --limit '30 working-days'",
                   "outside the supported calendar");
  expect_bad_input("deadline --limit '3 working-days'", "--received");
  expect_bad_input("calendar --year 1850", "out of range");
  expect_bad_input("calendar --year 2026 --calendar-dir /nonexistent", "calendar folder not found");
  expect_bad_input("lunar 2026-13-01", "malformed date");
  expect_bad_input("lunar 2200-01-01", "outside the supported lunar calendar");
  expect_bad_input("clock /nonexistent.json", "cannot read");
  expect_bad_input("frobnicate", "frobnicate");
}

TEST(Cli, ClockBadJsonAndBadTimelines) {
  const auto run_stdin = [](const std::string& text) {
    return run_process("printf '%s' '" + text + "' | " + kBinary + " clock -");
  };
  for (
      const auto& [text, part] : std::vector<std::pair<std::string, std::string>>{
          {"{not json", "invalid JSON"},
          {R"({"events":[]})", "missing 'limit'"},
          {R"({"limit":"3 working-days","events":[{"at":"2026-03-02T10:00","type":"teleported"}]})",
           "unknown event type"},
          {R"({"limit":"3 working-days","events":[{"at":"2026-03-02T10:00","type":"finished"}]})",
           "first event must be 'received'"},
          {R"({"limit":"3 working-days","events":[{"at":"2026-03-02T10:00","type":"received"},{"at":"2026-03-01T10:00","type":"finished"}]})",
           "time order"}}) {
    const auto r = run_stdin(text);
    EXPECT_EQ(r.status, 2) << text;
    EXPECT_EQ(r.out, "") << text;
    EXPECT_NE(r.err.find(part), std::string::npos) << text << " -> " << r.err;
  }
}

}  // namespace
}  // namespace motcua

namespace motcua::testing {
namespace {

TEST(Cli, DeliverRunsOnceAndReportsEachTopicsConnection) {
  expect_bad_input("deliver --db :memory:", "--once");
  // A fresh database: nothing due; the portal connection set, the mail one not (never claimed).
  const auto dir =
      std::filesystem::temp_directory_path() / ("motcua-cli-deliver-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto out = run_ok("deliver --once --db " + (dir / "m.db").string() +
                          " --portal-url http://127.0.0.1:1/");
  std::filesystem::remove_all(dir);
  const auto& topics = out.at("topics").as_object();
  EXPECT_EQ(topics.at("national_portal.sync").at("configured"), true);
  EXPECT_EQ(topics.at("national_portal.sync").at("endpoint"), "http://127.0.0.1:1/dossiers");
  EXPECT_EQ(topics.at("national_portal.sync").at("delivered"), 0);
  EXPECT_EQ(topics.at("mail").at("configured"), false);
  EXPECT_FALSE(out.at("worker").as_string().empty());
}

TEST(Cli, ServeRefusesAPublicUrlThatIsNotAnHttpOrigin) {
  // Checked before the database is opened or a port bound: nothing starts.
  for (const std::string bad : {"ftp://dvc.example.vn", "dvc.example.vn", "https://", "https://a b",
                                "https://dvc.example.vn/?x=1", "https://dvc.example.vn/#top"}) {
    expect_bad_input("serve --db :memory: --listen 127.0.0.1:0 --public-url '" + bad + "'",
                     "--public-url");
  }
}

// admin create-user and serve --fake-now over a database that holds only the migrated schema and
// the units (no demo).
class CliInstallation : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("motcua-cli-install-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::ofstream(path("password")) << "mật khẩu quản trị đầu tiên\n";
    std::ofstream(path("weak")) << "12345678\n";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  void import_units() { run_ok("import units --db " + path("a.db") + " data/units"); }
  std::string create_user(const std::string& username, const std::string& password_option) {
    return "admin create-user --db " + path("a.db") + " --username " + username +
           " --role administrator " + password_option;
  }
  std::filesystem::path dir_;
};

TEST_F(CliInstallation, CreateUserFromAPasswordFileOrStandardInput) {
  import_units();
  const auto first = run_ok(create_user("quantri", "--password-file " + path("password")));
  EXPECT_EQ(first.at("username"), "quantri");
  EXPECT_EQ(first.at("display_name"), "quantri");
  const auto& grant = first.at("grants").as_array().at(0).as_object();
  EXPECT_EQ(grant.at("role"), "administrator");
  EXPECT_EQ(grant.at("agency_id"), "province-01");  // the first root agency in force
  const auto r = run_process("printf 'mat-khau-tu-stdin\\n' | " + kBinary + " " +
                             create_user("quantri.hai", "--password-stdin --display-name 'Hai'"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(json::parse(r.out).at("display_name"), "Hai");
}

TEST_F(CliInstallation, CreateUserRefusesWeakPasswordsTakenNamesAndPasswordsInArguments) {
  expect_bad_input(create_user("quantri", "--password-file " + path("password")),
                   "import the units first");
  import_units();
  expect_bad_input(create_user("quantri", "--password-file " + path("weak")), "too weak");
  expect_bad_input(create_user("quantri", "--password-file " + path("missing")),
                   "cannot read the password file");
  expect_bad_input(create_user("quantri", ""), "--password-file");
  expect_bad_input(create_user("quantri", "--password 'mat-khau-tren-dong-lenh'"), "--password");
  expect_bad_input(create_user("Quan.Tri", "--password-file " + path("password")),
                   "A username has 3-64 characters");
  run_ok(create_user("quantri", "--password-file " + path("password")));
  expect_bad_input(create_user("quantri", "--password-file " + path("password")),
                   "The username is already taken");
}

TEST_F(CliInstallation, ServeWithAFakeClockIsRefusedOutsideADemoDatabase) {
  run_ok("migrate --db " + path("a.db"));
  expect_bad_input(
      "serve --db " + path("a.db") + " --listen 127.0.0.1:0 --fake-now 2026-03-09T09:00",
      "motcua demo");
}

// The identity provider's options (docs/integrations.md "Identity (OIDC)") are checked before
// serving: an OIDC-only installation needs a provider, and a provider needs its client.
TEST_F(CliInstallation, ServeRefusesIncompleteOidcOptions) {
  run_ok("migrate --db " + path("a.db"));
  const std::string serve = "serve --db " + path("a.db") + " --listen 127.0.0.1:0 ";
  expect_bad_input(serve + "--citizen-login oidc-only", "needs --oidc-issuer");
  expect_bad_input(serve + "--oidc-issuer https://sso.example.vn", "needs --oidc-client-id");
  expect_bad_input(serve + "--oidc-issuer https://sso.example.vn --oidc-client-id c",
                   "needs --oidc-client-secret-file");
  expect_bad_input(serve +
                       "--oidc-issuer https://sso.example.vn --oidc-client-id c "
                       "--oidc-client-secret-file " +
                       path("missing"),
                   "cannot read");
}

// backup and migrate-db over one demo province (built once: it takes seconds).
class CliDatabase : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::filesystem::temp_directory_path() / ("motcua-cli-db-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    const auto r = run_process(kBinary + " demo --dossiers 60 --db " + path("demo.db"));
    ASSERT_EQ(r.status, 0) << r.err;
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
  static std::string path(const std::string& name) { return (dir_ / name).string(); }
  // The dossiers as the sqlite3 shell prints them: every column that a copy must keep.
  static std::string dossiers_of(const std::string& db) {
    const auto r = run_process(
        "sqlite3 " + db +
        " 'SELECT id, code, status, version, due_s, document FROM dossiers ORDER BY id'");
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  }
  static inline std::filesystem::path dir_;
};

TEST_F(CliDatabase, TheDemoMarksItsDatabaseForAFakeClock) {
  const auto r = run_process("sqlite3 " + path("demo.db") +
                             " \"SELECT value FROM installation_settings WHERE name = "
                             "'database_origin'\"");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "demo\n");
}

TEST_F(CliDatabase, BackupAndMigrateDbHaveHelp) {
  auto r = run_process(kBinary + " backup --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("--to"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("pg_dump"), std::string::npos) << r.out;
  r = run_process(kBinary + " migrate-db --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("--from"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--to"), std::string::npos) << r.out;
}

TEST_F(CliDatabase, BackupGivesAFileThatOpensVerifiesAndHoldsTheSameDossiers) {
  const auto copy = path("backup.db");
  const auto out = run_ok("backup --db " + path("demo.db") + " --to " + copy);
  EXPECT_EQ(out.at("engine"), "sqlite");
  EXPECT_EQ(out.at("ok"), true);
  EXPECT_EQ(out.at("chain_ok"), true);
  EXPECT_EQ(out.at("dossiers"), 60);
  EXPECT_EQ(out.at("bytes").to_number<std::int64_t>(),
            static_cast<std::int64_t>(std::filesystem::file_size(copy)));
  // The backup holds no key (kept apart, docs/operations.md): restoring brings the key file back.
  EXPECT_FALSE(std::filesystem::exists(copy + ".data-key"));
  std::filesystem::copy_file(path("demo.db") + ".data-key", copy + ".data-key");
  const auto verified = run_ok("verify-log --db " + copy);
  EXPECT_EQ(verified.at("ok"), true);
  EXPECT_EQ(verified.at("events_checked"), out.at("events"));
  EXPECT_GT(verified.at("events_checked").to_number<std::int64_t>(), 60);
  const auto dossiers = dossiers_of(copy);
  EXPECT_EQ(dossiers, dossiers_of(path("demo.db")));
  EXPECT_NE(dossiers, "");
  // An existing file is never overwritten; a password is never passed on pg_dump's command line.
  expect_bad_input("backup --db " + path("demo.db") + " --to " + copy, "exists already");
  expect_bad_input("backup --db postgresql://u:secret@127.0.0.1:1/x --to " + path("pg.dump"),
                   "PGPASSWORD");
  EXPECT_FALSE(std::filesystem::exists(path("pg.dump")));
}

TEST_F(CliDatabase, MigrateDbCopiesTheProvinceAndRefusesAnOccupiedTarget) {
  const auto target = path("moved.db");
  const auto out = run_ok("migrate-db --from " + path("demo.db") + " --to " + target);
  EXPECT_EQ(out.at("ok"), true);
  EXPECT_EQ(out.at("counts_equal"), true);
  EXPECT_EQ(out.at("chain_ok"), true);
  EXPECT_EQ(out.at("chain_head_equal"), true);
  // The key went with the data: the target's own key file holds the source's key.
  EXPECT_EQ(std::string(out.at("data_key_file").as_string()), target + ".data-key");
  std::ifstream source_key(path("demo.db") + ".data-key"), target_key(target + ".data-key");
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(source_key)), {}),
            std::string((std::istreambuf_iterator<char>(target_key)), {}));
  bool saw_dossiers = false, saw_events = false;
  for (const auto& t : out.at("tables").as_array()) {
    EXPECT_EQ(t.at("source_rows"), t.at("target_rows")) << json::serialize(t);
    if (t.at("table") == "dossiers") saw_dossiers = t.at("target_rows") == 60;
    if (t.at("table") == "dossier_events") {
      saw_events = t.at("target_rows") == out.at("events_checked");
    }
  }
  EXPECT_TRUE(saw_dossiers);
  EXPECT_TRUE(saw_events);
  EXPECT_EQ(run_ok("verify-log --db " + target).at("ok"), true);
  EXPECT_EQ(dossiers_of(target), dossiers_of(path("demo.db")));
  // A second move into the same database would duplicate the province: refused before copying.
  expect_bad_input("migrate-db --from " + path("demo.db") + " --to " + target, "not empty");
  expect_bad_input("migrate-db --from " + path("absent.db") + " --to " + path("other.db"),
                   "no SQLite database");
  EXPECT_FALSE(std::filesystem::exists(path("absent.db")));
}

// Personal data at rest (docs/security.md): the demo's accounts, dossier ID numbers and postal
// receivers are sealed under the key file beside the database; rotate-key re-seals them all under
// a new key, bound to their row (enc2) -- also values sealed before values were bound (enc1) --,
// audits it, and leaves the logs verifiable.
TEST_F(CliDatabase, RotateKeyResealsEveryValueUnderANewKeyAndAuditsIt) {
  const auto db = path("rotate.db");
  run_ok("backup --db " + path("demo.db") + " --to " + db);
  std::filesystem::copy_file(path("demo.db") + ".data-key", db + ".data-key",
                             std::filesystem::copy_options::overwrite_existing);
  std::filesystem::permissions(
      db + ".data-key", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  // No clear value left in the sealed columns of the demo.
  auto r = run_process("sqlite3 " + db +
                       " \"SELECT count(*) FROM users WHERE (phone <> '' AND phone NOT LIKE "
                       "'enc2:%') OR (id_number <> '' AND id_number NOT LIKE 'enc2:%')\"");
  EXPECT_EQ(r.out, "0\n") << r.err;
  r = run_process("sqlite3 " + db + " \"SELECT count(*) FROM users WHERE phone LIKE 'enc2:%'\"");
  EXPECT_GT(std::stoi(r.out), 0) << r.err;

  // As a database sealed before values were bound to their row: the accounts' phones put back into
  // the old enc1 format, under the database's own key.
  const auto keys = motcua::store::DataKeys::read_file(db + ".data-key");
  r = run_process("sqlite3 -separator ' ' " + db +
                  " \"SELECT id, phone FROM users WHERE phone <> ''\"");
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream rows(r.out);
  std::string sql;
  std::string user_id;
  std::string sealed;
  std::map<std::string, std::string> phones;
  int unbound = 0;
  while (rows >> user_id >> sealed) {
    const std::string clear = keys.decrypt(sealed, "users.phone|" + user_id);
    phones[user_id] = clear;
    // Ids and sealed values are letters, digits, '-', '_', ':', '+', '/', '=': nothing to quote.
    sql += "UPDATE users SET phone = '" + keys.encrypt_unbound(clear) + "' WHERE id = '" + user_id +
           "';";
    ++unbound;
  }
  ASSERT_GT(unbound, 0);
  // A citizen who signed up with their phone is named "phone:" + its keyed hash (migration 0061):
  // the rotation must re-hash the name, or the phone would no longer log in.
  const auto citizen = *phones.begin();
  sql += "UPDATE users SET username = 'phone:" + keys.lookup_hash(citizen.second) +
         "' WHERE id = '" + citizen.first + "';";
  r = run_process("sqlite3 " + db + " \"" + sql + "\"");
  ASSERT_EQ(r.status, 0) << r.err;
  r = run_process("sqlite3 " + db + " \"SELECT count(*) FROM users WHERE phone LIKE 'enc1:%'\"");
  EXPECT_EQ(r.out, std::to_string(unbound) + "\n") << r.err;

  // An uploaded paper stored before papers were sealed: rotate-key seals it too.
  const auto uploads = path("rotate-uploads");
  std::filesystem::create_directories(uploads);
  const auto clear_paper =
      run_process("printf 'CCCD 001090012345' | tee " + uploads + "/clear.tmp | sha256sum");
  const std::string paper_name = clear_paper.out.substr(0, 64);
  std::filesystem::rename(uploads + "/clear.tmp", uploads + "/" + paper_name);

  const auto rotated =
      run_ok("rotate-key --db " + db + " --uploads-dir " + uploads + " --reason test --batch 7");
  EXPECT_EQ(rotated.at("files_resealed"), 1);
  std::ifstream paper(uploads + "/" + paper_name, std::ios::binary);
  const std::string sealed_paper((std::istreambuf_iterator<char>(paper)),
                                 std::istreambuf_iterator<char>());
  EXPECT_EQ(sealed_paper.find("001090012345"), std::string::npos);
  EXPECT_EQ(sealed_paper.rfind("motcua-sealed-file2:", 0), 0u);
  const std::string old_id(rotated.at("old_key_id").as_string());
  const std::string new_id(rotated.at("new_key_id").as_string());
  EXPECT_NE(old_id, new_id);
  EXPECT_GT(rotated.at("values_resealed").to_number<std::int64_t>(), 0);
  r = run_process("sqlite3 " + db + " \"SELECT count(*) FROM users WHERE (phone <> '' AND " +
                  "phone NOT LIKE 'enc2:" + new_id + ":%') OR (id_number <> '' AND " +
                  "id_number NOT LIKE 'enc2:" + new_id + ":%')\"");
  EXPECT_EQ(r.out, "0\n") << r.err;
  // Each phone opens under the new key for its own account (and only there: the first account's
  // phone does not open as the second's).
  const auto new_keys = motcua::store::DataKeys::read_file(db + ".data-key");
  r = run_process("sqlite3 -separator ' ' " + db +
                  " \"SELECT id, phone FROM users WHERE phone <> '' ORDER BY id\"");
  std::istringstream rotated_rows(r.out);
  std::vector<std::pair<std::string, std::string>> resealed;
  while (rotated_rows >> user_id >> sealed) {
    EXPECT_EQ(new_keys.decrypt(sealed, "users.phone|" + user_id), phones[user_id]) << user_id;
    resealed.emplace_back(user_id, sealed);
  }
  EXPECT_EQ(resealed.size(), phones.size());
  r = run_process("sqlite3 " + db + " \"SELECT username FROM users WHERE id = '" + citizen.first +
                  "'\"");
  EXPECT_EQ(r.out, "phone:" + new_keys.lookup_hash(citizen.second) + "\n") << r.err;
  if (resealed.size() >= 2) {
    EXPECT_THROW(new_keys.decrypt(resealed[0].second, "users.phone|" + resealed[1].first),
                 motcua::store::DataKeyError);
  }
  // The application forms too: every dossier's document is in the binary form, packed (format
  // byte 02, the key id's length, the key id), under the new key.
  std::string head = "02";
  for (const unsigned char c : std::string(1, static_cast<char>(new_id.size())) + new_id) {
    constexpr const char* kHex = "0123456789ABCDEF";
    head += kHex[c >> 4];
    head += kHex[c & 15];
  }
  r = run_process("sqlite3 " + db +
                  " \"SELECT count(*) FROM dossiers WHERE typeof(document) <> 'blob' OR "
                  "hex(substr(document, 1, " +
                  std::to_string(head.size() / 2) + ")) <> '" + head + "'\"");
  EXPECT_EQ(r.out, "0\n") << r.err;
  r = run_process("sqlite3 " + db +
                  " \"SELECT details FROM audit_log WHERE action = " + "'data_key.rotated'\"");
  EXPECT_NE(r.out.find(new_id), std::string::npos) << r.out;
  // The key file holds the new key alone, and none of its material went into the audit row.
  std::ifstream key_file(db + ".data-key");
  std::string header, id, secret;
  std::getline(key_file, header);
  key_file >> id >> secret;
  EXPECT_EQ(id, new_id);
  EXPECT_EQ(r.out.find(secret), std::string::npos);
  EXPECT_EQ(run_ok("verify-log --db " + db).at("ok"), true);
}

// The whole-folder sweep from the command line: a file no row names, idle for two days, goes; a
// partial upload a crash left goes; the demo's own papers (named by rows) stay.
TEST_F(CliDatabase, SweepUploadsRemovesIdleFilesNoRowNames) {
  const auto db = path("sweep.db");
  run_ok("backup --db " + path("demo.db") + " --to " + db);
  std::filesystem::copy_file(path("demo.db") + ".data-key", db + ".data-key",
                             std::filesystem::copy_options::overwrite_existing);
  const auto uploads = path("sweep-uploads");
  std::filesystem::create_directories(uploads);
  const std::string orphan(64, 'a');
  // A paper row of a demo dossier names this one.
  const std::string named(64, 'b');
  const auto inserted = run_process(
      "sqlite3 " + db +
      " \"INSERT INTO papers(id, dossier_id, paper_name, file_name, content_type, size, sha256, "
      "uploaded_by, uploaded_at) SELECT 'p-sweep', id, 'Giấy', 'a.pdf', 'application/pdf', 5, '" +
      named + "', 'cli', 'now' FROM dossiers LIMIT 1\"");
  ASSERT_EQ(inserted.status, 0) << inserted.err;
  for (const auto& name : {orphan, named, "." + orphan + ".1.1.tmp"}) {
    std::ofstream(uploads + "/" + name) << "bytes";
    std::filesystem::last_write_time(
        uploads + "/" + name,
        std::filesystem::file_time_type::clock::now() - std::chrono::hours(48));
  }
  const auto swept = run_ok("sweep-uploads --db " + db + " --uploads-dir " + uploads);
  EXPECT_EQ(swept.at("files_scanned"), 2);
  EXPECT_EQ(swept.at("files_removed"), 1);
  EXPECT_EQ(swept.at("files_named"), 1);
  EXPECT_EQ(swept.at("temporaries_removed"), 1);
  EXPECT_FALSE(std::filesystem::exists(uploads + "/" + orphan));
  EXPECT_TRUE(std::filesystem::exists(uploads + "/" + named));
  const auto r = run_process("sqlite3 " + db +
                             " \"SELECT details FROM audit_log WHERE action = "
                             "'uploads.orphans_removed'\"");
  EXPECT_EQ(r.out, "{\"files\":1,\"temporaries\":1,\"put_back\":0}\n") << r.err;
  EXPECT_EQ(run_ok("verify-log --db " + db).at("ok"), true);
}

// A backup restored without its key file (docs/operations.md): every command refuses it, naming
// the key its values were sealed under, and leaves no new key file beside it that would seal new
// values under a second key. With the key file back it opens.
TEST_F(CliDatabase, ACopyWithoutItsKeyFileIsRefusedNamingTheKeyAndGetsNoStrayKey) {
  const auto db = path("keyless.db");
  run_ok("backup --db " + path("demo.db") + " --to " + db);
  ASSERT_FALSE(std::filesystem::exists(db + ".data-key"));
  std::ifstream demo_key(path("demo.db") + ".data-key");
  std::string header, key_id;
  std::getline(demo_key, header);
  demo_key >> key_id;
  ASSERT_FALSE(key_id.empty());
  for (const std::string command : {"verify-log", "anchor"}) {
    const auto r = run_process(kBinary + " " + command + " --db " + db);
    EXPECT_NE(r.status, 0) << command << r.out;
    EXPECT_NE(r.err.find("sealed under key " + key_id), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(db + ".data-key")) << command;
  }
  std::filesystem::copy_file(path("demo.db") + ".data-key", db + ".data-key");
  EXPECT_EQ(run_ok("verify-log --db " + db).at("ok"), true);
}

// An in-memory database's key lives and dies with the process: no key file is written anywhere.
TEST_F(CliDatabase, AnInMemoryDatabaseWritesNoKeyFile) {
  const auto folder = path("in-memory");
  std::filesystem::create_directories(folder);
  // serve opens the database, then refuses the public URL (exit 2) and stops.
  const auto r = run_process("cd " + folder + " && " + kBinary +
                             " serve --db :memory: --listen 127.0.0.1:0 --public-url ftp://x");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("public-url"), std::string::npos) << r.err;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    EXPECT_EQ(entry.path().string().find("data-key"), std::string::npos) << entry.path();
  }
}

// Tamper evidence (docs/security.md): each case works on its own copy of the demo database, with
// the anchor key and anchors file beside that copy.
class CliTamper : public CliDatabase {
 protected:
  // A copy of the demo province, anchored once.
  std::string anchored_copy(const std::string& name) {
    const auto copy = path(name);
    run_ok("backup --db " + path("demo.db") + " --to " + copy);
    // A restored backup is read with the key file it was sealed under, kept apart (operations.md).
    std::filesystem::copy_file(path("demo.db") + ".data-key", copy + ".data-key",
                               std::filesystem::copy_options::overwrite_existing);
    const auto anchor = run_ok("anchor --db " + copy);
    EXPECT_EQ(anchor.at("seq"), 1);
    return copy;
  }
  static void tamper(const std::string& db, const std::string& sql) {
    const auto r = run_process("sqlite3 " + db + " \"PRAGMA foreign_keys=OFF; " + sql + "\"");
    ASSERT_EQ(r.status, 0) << r.err;
  }
  // verify-log that is expected to fail with the integrity exit status; its JSON answer.
  static json::object verify_fails(const std::string& db) {
    const auto r = run_process(kBinary + " verify-log --db " + db);
    EXPECT_EQ(r.status, 3) << r.out << r.err;
    auto out = json::parse(r.out).as_object();
    EXPECT_EQ(out.at("ok"), false);
    return out;
  }
  static std::string problems(const json::object& out) {
    return json::serialize(out.at("anchor_problems"));
  }
};

TEST_F(CliTamper, UntouchedLogsVerifyAgainstTheirAnchor) {
  const auto db = anchored_copy("untouched.db");
  const auto out = run_ok("verify-log --db " + db);
  EXPECT_EQ(out.at("ok"), true);
  EXPECT_EQ(out.at("anchors_checked"), 1);
  // The demo's imports (units, two catalog files) are audited.
  EXPECT_GE(out.at("audit_checked").to_number<std::int64_t>(), 3);
  EXPECT_EQ(out.at("anchor_problems").as_array().size(), 0u);
  const auto key = std::filesystem::status(db + ".anchor-key").permissions();
  EXPECT_EQ(key & (std::filesystem::perms::group_all | std::filesystem::perms::others_all),
            std::filesystem::perms::none);
  std::ifstream anchors(db + ".anchors.jsonl");
  std::string line;
  ASSERT_TRUE(std::getline(anchors, line));
  EXPECT_EQ(json::parse(line).at("seq"), 1);
}

TEST_F(CliTamper, DeletingTheLastFiveEventsIsCaughtByTheAnchor) {
  const auto db = anchored_copy("cut-events.db");
  tamper(db,
         "DROP TRIGGER dossier_events_no_delete; DELETE FROM dossier_events WHERE seq > "
         "(SELECT MAX(seq) - 5 FROM dossier_events);");
  const auto out = verify_fails(db);
  // The shorter chain still holds by itself: only the anchor shows the cut.
  EXPECT_TRUE(out.at("first_broken_seq").is_null());
  EXPECT_NE(problems(out).find("event log row"), std::string::npos) << problems(out);
  EXPECT_NE(problems(out).find("5 or more rows were cut"), std::string::npos) << problems(out);
}

TEST_F(CliTamper, TruncatingTheAuditLogIsCaughtByTheAnchor) {
  const auto db = anchored_copy("cut-audit.db");
  tamper(db, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log;");
  const auto out = verify_fails(db);
  EXPECT_TRUE(out.at("audit_first_broken_seq").is_null());
  EXPECT_NE(problems(out).find("audit log row"), std::string::npos) << problems(out);
}

TEST_F(CliTamper, AnEditedAuditRowIsNamed) {
  const auto db = anchored_copy("edited-audit.db");
  // The trigger refuses the edit; with it dropped, the chain names the row.
  const auto refused = run_process("sqlite3 " + db + " \"UPDATE audit_log SET actor_id = 'x'\"");
  EXPECT_NE(refused.status, 0);
  tamper(db,
         "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_id = 'x' WHERE seq = 2;");
  const auto out = verify_fails(db);
  EXPECT_EQ(out.at("audit_first_broken_seq"), 2);
  EXPECT_NE(std::string(out.at("audit_problem").as_string()).find("altered"), std::string::npos);
}

TEST_F(CliTamper, AForgedOrRemovedAuditRowIsNamed) {
  const auto forged = anchored_copy("forged-audit.db");
  tamper(forged,
         "INSERT INTO audit_log(seq, actor_id, at, action, object, reason, details, prev_hash, "
         "hash) SELECT MAX(seq) + 1, 'cli', '2026-03-02T09:00:00+07:00', 'user.created', 'u', '', "
         "'{}', (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), 'beef' FROM audit_log;");
  auto out = verify_fails(forged);
  const auto last = run_process("sqlite3 " + forged + " 'SELECT MAX(seq) FROM audit_log'");
  EXPECT_EQ(std::to_string(out.at("audit_first_broken_seq").to_number<std::int64_t>()) + "\n",
            last.out);
  const auto removed = anchored_copy("removed-audit.db");
  tamper(removed, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2;");
  out = verify_fails(removed);
  EXPECT_EQ(out.at("audit_first_broken_seq"), 2);
  EXPECT_NE(std::string(out.at("audit_problem").as_string()).find("missing"), std::string::npos);
}

// PostgreSQL cases run under scripts/test-postgres (MOTCUA_TEST_PG_URL names a throwaway server,
// without a database); without it they are skipped.
std::string pg_base() {
  const char* url = std::getenv("MOTCUA_TEST_PG_URL");
  return url != nullptr ? url : "";
}

std::string psql(const std::string& url, const std::string& sql) {
  const auto r = run_process("psql -X -q -t -A --no-password -d '" + url + "' -c \"" + sql + "\"");
  EXPECT_EQ(r.status, 0) << sql << "\n" << r.err;
  return r.out;
}

TEST_F(CliDatabase, PostgresBackupIsAPgDumpArchiveThatPgRestoreRestores) {
  const auto base = pg_base();
  if (base.empty()) GTEST_SKIP() << "MOTCUA_TEST_PG_URL not set (scripts/test-postgres run ...)";
  const std::string db = "backup_" + std::to_string(::getpid());
  psql(base + "/postgres", "CREATE DATABASE " + db);
  psql(base + "/" + db,
       "CREATE TABLE dossiers(id text PRIMARY KEY, code text); CREATE TABLE other(n int); "
       "INSERT INTO dossiers VALUES ('d1', 'X-1'), ('d2', 'X-2')");
  const auto file = path("archive.dump");
  const auto out = run_ok("backup --db " + base + "/" + db + " --to " + file);
  EXPECT_EQ(out.at("engine"), "postgres");
  EXPECT_EQ(out.at("tables"), 2);
  EXPECT_EQ(out.at("ok"), true);
  EXPECT_EQ(out.at("bytes").to_number<std::int64_t>(),
            static_cast<std::int64_t>(std::filesystem::file_size(file)));
  // The restore of docs/operations.md: into a new, empty database.
  psql(base + "/postgres", "CREATE DATABASE " + db + "_restored");
  const auto restored =
      run_process("pg_restore --no-password --dbname=" + base + "/" + db + "_restored " + file);
  EXPECT_EQ(restored.status, 0) << restored.err;
  EXPECT_EQ(
      psql(base + "/" + db + "_restored", "SELECT string_agg(code, ',' ORDER BY id) FROM dossiers"),
      "X-1,X-2\n");
  psql(base + "/postgres", "DROP DATABASE " + db);
  psql(base + "/postgres", "DROP DATABASE " + db + "_restored");
}

TEST_F(CliDatabase, MigrateDbMovesTheProvinceIntoPostgres) {
  const auto base = pg_base();
  if (base.empty()) GTEST_SKIP() << "MOTCUA_TEST_PG_URL not set (scripts/test-postgres run ...)";
  const std::string db = "move_" + std::to_string(::getpid());
  psql(base + "/postgres", "CREATE DATABASE " + db);
  const auto url = base + "/" + db;
  // The test server trusts loopback connections: a password in the URL is accepted, and what is
  // checked is that no answer prints it.
  const auto at = url.find('@');
  ASSERT_NE(at, std::string::npos) << url;
  const auto with_password = url.substr(0, at) + ":s3cret-pass" + url.substr(at);
  const auto masked = url.substr(0, at) + ":***" + url.substr(at);
  EXPECT_EQ(run_ok("migrate --db " + with_password).at("database").as_string(), masked);
  const auto out = run_ok("migrate-db --from " + path("demo.db") + " --to " + with_password);
  EXPECT_EQ(out.at("to").as_string(), masked);
  EXPECT_EQ(out.at("ok"), true);
  EXPECT_EQ(out.at("counts_equal"), true);
  EXPECT_EQ(out.at("chain_ok"), true);
  EXPECT_EQ(out.at("chain_head_equal"), true);
  EXPECT_EQ(run_ok("verify-log --db " + url).at("ok"), true);
  const auto r = run_process("sqlite3 " + path("demo.db") +
                             " 'SELECT id, code, status, version FROM dossiers ORDER BY id'");
  EXPECT_EQ(psql(url, "SELECT id, code, status, version FROM dossiers ORDER BY id"), r.out);
  expect_bad_input("migrate-db --from " + path("demo.db") + " --to " + url, "not empty");
  psql(base + "/postgres", "DROP DATABASE " + db);
}

}  // namespace
}  // namespace motcua::testing
