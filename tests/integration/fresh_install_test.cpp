// A province starts from nothing, with no demo data: the sequence of docs/operations.md ("From
// nothing to a working province") on the project's own data files: migrate, import the catalog and
// the units, create the first administrator, set up the one-stop units and the processes from
// data/templates (twice: the second run changes nothing), serve; the administrator creates a
// reception official, who takes a first dossier at the counter to a receipt with a code.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>

#include "../run_process.hpp"
#include "api_client.hpp"
#include "fixture.hpp"
#include "server_process.hpp"
#include "store/audit_log.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

json::object run_json(const std::string& command) {
  const auto r = run_process(command);
  EXPECT_EQ(r.status, 0) << command << "\n" << r.err;
  boost::system::error_code ec;
  auto v = json::parse(r.out, ec);
  return !ec && v.is_object() ? v.as_object() : json::object{};
}

TEST(FreshInstall, FromNothingToAFirstReceiptWithoutDemoData) {
  TempDir dir("fresh-install");
  IntegrationDatabase database;
  const std::string db = " --db '" + database.name() + "'";
  run_json(kBinary + " migrate" + db);
  const auto catalog =
      run_json(kBinary + " import catalog data/catalog/dvcqg-catalog-2642.jsonl.gz" + db +
               " --report " + dir.file("report.jsonl"));
  EXPECT_EQ(catalog.at("imported"), 2642);
  run_json(kBinary + " import units data/units" + db);
  const auto password_file = dir.file("password");
  std::ofstream(password_file) << "quan tri tinh ninh binh\n";
  run_json(kBinary + " admin create-user" + db +
           " --username quantri --role administrator --agency province-37 --password-file " +
           password_file);

  const std::string units = kBinary + " setup one-stop-units --province 37" + db;
  const auto first_units = run_json(units);
  EXPECT_GT(first_units.at("created").as_int64(), 100);  // the centre and every commune/ward
  const auto second_units = run_json(units);
  EXPECT_EQ(second_units.at("created"), 0);
  EXPECT_EQ(second_units.at("existing"), first_units.at("created"));
  EXPECT_NE(second_units.at("message").as_string().find("nothing to do"), json::string::npos);

  const std::string processes =
      kBinary + " setup processes --province province-37 --procedure 1.001193" + db;
  // The national catalog gives birth registration no usable time limit: it is skipped and said
  // so, until the province sets its own limit (below, on the admin screen).
  const auto without_limit = run_json(processes);
  EXPECT_EQ(without_limit.at("created"), 0);
  EXPECT_EQ(without_limit.at("skipped"), 1);
  EXPECT_NE(json::serialize(without_limit.at("problems")).find("1.001193"), std::string::npos);
  // A level the template does not know is refused, naming the field, with nothing written.
  const auto bad = run_process(kBinary + " setup processes --province 37 --level hamlet" + db);
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("level"), std::string::npos);

  ServerProcess server(kBinary, database.name());
  ApiClient admin(server.port());
  ASSERT_EQ(admin.login("quantri", "quan tri tinh ninh binh"), 200);
  const auto terms = admin.call(
      "PUT", "/api/v1/procedures/1.001193/local-terms?agency_id=province-37",
      json::serialize(json::object{{"limits", {{"counter", "1 working-days"}}},
                                   {"expected_version", 0},
                                   {"reason", "Luật Hộ tịch 2014, Điều 16: trong ngày làm việc"}}),
      {{"Content-Type", "application/json"}});
  ASSERT_EQ(terms.status, 200) << terms.raw.body;
  const auto first_processes = run_json(processes);
  EXPECT_EQ(first_processes.at("created"), first_units.at("created").as_int64() - 1);
  EXPECT_EQ(run_json(processes).at("created"), 0);

  auto store = store::open_store(database.name());
  store->read([&](store::SqlConnection& c) {
    const auto audit = store::audit_of(c, "mot-cua-commune-14329");
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].actor_id, "cli:setup");
    EXPECT_EQ(audit[0].action, "one_stop_unit.created");
    const auto process = store::audit_of(c, "1.001193@commune-14329");
    ASSERT_EQ(process.size(), 1u);
    EXPECT_EQ(process[0].action, "process.saved");
  });
  store.reset();
  const auto created = admin.post(
      "/api/v1/admin/users",
      json::object{{"username", "tiepnhan.hoalu"},
                   {"display_name", "Lê Thị Tiếp Nhận"},
                   {"temporary_password", "mat khau tam 2026"},
                   {"grants", json::array{{{"role", "reception"}, {"agency_id", "commune-14329"}}}},
                   {"reason", "cán bộ một cửa phường Hoa Lư"}});
  ASSERT_EQ(created.status, 201) << created.raw.body;

  ApiClient reception(server.port());
  ASSERT_EQ(reception.login("tiepnhan.hoalu", "mat khau tam 2026"), 200);
  const auto dossier = reception.post(
      "/api/v1/dossiers",
      json::object{
          {"procedure_code", "1.001193"},
          {"agency_id", "commune-14329"},
          {"receiving_unit_id", "mot-cua-commune-14329"},
          {"channel", "counter"},
          {"return_channel", "counter"},
          {"applicant",
           {{"name", "Đỗ Thị Quầy"}, {"id_number", "037190000123"}, {"address", "Hoa Lư"}}},
          {"papers_received",
           json::array{json::object{{"name", "Giấy chứng sinh"}, {"originals", 1}}}}});
  ASSERT_EQ(dossier.status, 201) << dossier.raw.body;
  EXPECT_EQ(dossier.body.at("status"), "received");
  const std::string code(dossier.body.at("code").as_string());
  EXPECT_FALSE(code.empty());
  const auto id = std::string(dossier.body.at("id").as_string());
  // The receipt (Form 01) is printed from the dossier: its code, and the template's process in
  // force.
  const auto detail = reception.get("/api/v1/dossiers/" + id);
  ASSERT_EQ(detail.status, 200) << detail.raw.body;
  EXPECT_EQ(detail.body.at("code").as_string(), code);
  const auto process = json::serialize(detail.body);
  EXPECT_NE(process.find(R"("process":{"id":"1.001193@commune-14329")"), std::string::npos);
  const auto link = reception.get("/api/v1/dossiers/" + id + "/tracking-secret");
  ASSERT_EQ(link.status, 200) << link.raw.body;
  const std::string secret(link.body.at("tracking_secret").as_string());
  EXPECT_EQ(ApiClient(server.port()).get("/api/v1/track/" + code + "?secret=" + secret).status,
            200);
}

}  // namespace
}  // namespace motcua::testing
