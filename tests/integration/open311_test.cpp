// Open311 GeoReport v2 over feedback on regulations, over real HTTP, with the spec's own examples
// (wiki.open311.org/GeoReport_v2, copied in tests/integration/open311_examples.hpp): the services
// list, a service definition, a request filed by form POST that becomes MotCua feedback, read back
// by id and in the list, filtered by status and date, the spec's error list for a missing key, an
// unknown service and a missing field, and the XML variants through an XML parser.
#include <gtest/gtest.h>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <sstream>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "open311_examples.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
namespace pt = boost::property_tree;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

pt::ptree parse_xml(const std::string& text) {
  std::istringstream in(text);
  pt::ptree tree;
  pt::read_xml(in, tree);  // throws on malformed XML, failing the test
  return tree;
}

// The spec's example POST body (example 05) with `replace` applied: each pair swaps the value of
// one field, or adds the field when absent; an empty value drops it.
std::string spec_body(const std::vector<std::pair<std::string, std::string>>& replace) {
  std::vector<std::pair<std::string, std::string>> fields;
  std::string_view body = kSpecPostBody;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const auto pair = body.substr(0, amp);
    const auto eq = pair.find('=');
    fields.emplace_back(std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1)));
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
  }
  for (const auto& [name, value] : replace) {
    auto it = std::find_if(fields.begin(), fields.end(), [&](auto& f) { return f.first == name; });
    if (it == fields.end()) {
      fields.emplace_back(name, value);
    } else if (value.empty()) {
      fields.erase(it);
    } else {
      it->second = value;
    }
  }
  std::string out;
  for (const auto& [name, value] : fields) out += (out.empty() ? "" : "&") + name + "=" + value;
  return out;
}

class Open311 : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_,
        std::vector<std::string>{"--fake-now", "2026-03-09T09:00", "--calendar-dir",
                                 std::string(MOTCUA_SOURCE_DIR) + "/data/calendars/vn"});
    ASSERT_NO_FATAL_FAILURE(
        log_in_all(server_->port(), {{&leader_, "lanhdao"}, {&admin_, "quantri"}}));
    auto key = admin_.post("/api/v1/admin/open311/keys", json::object{{"label", "Ứng dụng thử"}});
    ASSERT_EQ(key.status, 201) << key.raw.body;
    api_key_ = std::string(key.body.at("api_key").as_string());
  }
  void TearDown() override { server_.reset(); }

  ApiResult post_form(const std::string& path, const std::string& body) const {
    return ApiClient(server_->port())
        .call("POST", path, body,
              {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}}, false);
  }
  ApiResult get(const std::string& path) const { return ApiClient(server_->port()).get(path); }

  // A request filed from the spec's example, as this installation's services ask for it.
  std::string file(const std::vector<std::pair<std::string, std::string>>& extra = {}) {
    std::vector<std::pair<std::string, std::string>> replace = {
        {"api_key", api_key_},
        {"jurisdiction_id", "p1"},
        {"service_code", "PAKN01"},
        {"attribute[WHISPAWN]", ""},
        {"attribute[WHISDORN]", ""},
        {"attribute[procedure_code]", "1.001193"},
        {"attribute[behaviour]", "cham_tre"}};
    replace.insert(replace.end(), extra.begin(), extra.end());
    auto r = post_form("/open311/v2/requests.json", spec_body(replace));
    EXPECT_EQ(r.status, 201) << r.raw.body;
    if (r.status != 201) return {};
    return std::string(r.body.as_array().at(0).at("service_request_id").as_string());
  }

  static void expect_error(const ApiResult& r, int status, const std::string& says) {
    EXPECT_EQ(r.status, status) << r.raw.body;
    ASSERT_TRUE(r.body.is_array()) << r.raw.body;
    ASSERT_EQ(r.body.as_array().size(), 1u);
    EXPECT_EQ(r.body.as_array()[0].at("code"), status);
    const std::string description(r.body.as_array()[0].at("description").as_string());
    EXPECT_NE(description.find(says), std::string::npos) << description;
  }

  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient leader_{0}, admin_{0};
  std::string api_key_;
};

TEST_F(Open311, ServicesListTheKindsOfFeedbackInJsonAndXml) {
  auto list = get("/open311/v2/services.json");
  ASSERT_EQ(list.status, 200) << list.raw.body;
  ASSERT_GE(list.body.as_array().size(), 5u);
  const auto& first = list.body.as_array()[0].as_object();
  // The fields of the spec's example 01/02, in our data.
  for (const char* field :
       {"service_code", "service_name", "description", "metadata", "type", "keywords", "group"})
    EXPECT_TRUE(first.contains(field)) << field;
  EXPECT_EQ(first.at("service_code"), "PAKN01");
  EXPECT_EQ(first.at("metadata"), true);
  EXPECT_EQ(first.at("type"), "realtime");

  auto xml = get("/open311/v2/services.xml");
  ASSERT_EQ(xml.status, 200);
  EXPECT_EQ(xml.raw.header("Content-Type").rfind("text/xml", 0), 0u);
  const auto tree = parse_xml(xml.raw.body);
  std::size_t services = 0;
  for (const auto& [name, service] : tree.get_child("services")) {
    EXPECT_EQ(name, "service");
    ++services;
  }
  EXPECT_EQ(services, list.body.as_array().size());
  EXPECT_EQ(tree.get_child("services").front().second.get<std::string>("service_name"),
            std::string(first.at("service_name").as_string()));

  // The spec's example 03 shape: service_definition > attributes > attribute > values > value.
  auto definition = get("/open311/v2/services/PAKN01.json");
  ASSERT_EQ(definition.status, 200) << definition.raw.body;
  const auto& attributes = definition.body.at("attributes").as_array();
  ASSERT_GE(attributes.size(), 2u);
  EXPECT_EQ(attributes[0].at("code"), "procedure_code");
  EXPECT_EQ(attributes[0].at("required"), true);
  EXPECT_EQ(attributes[1].at("datatype"), "singlevaluelist");
  const auto def_xml = parse_xml(get("/open311/v2/services/PAKN01.xml").raw.body);
  EXPECT_EQ(def_xml.get<std::string>("service_definition.service_code"), "PAKN01");
  EXPECT_EQ(def_xml.get_child("service_definition.attributes")
                .begin()
                ->second.get<std::string>("variable"),
            "true");
  expect_error(get("/open311/v2/services/001.json"), 404, "001");
}

TEST_F(Open311, AFormPostFilesFeedbackReadBackByIdAndInTheList) {
  // The spec's example POST as sent, with its key "xyz": the spec's own 403 description.
  expect_error(post_form("/open311/v2/requests.json", std::string(kSpecPostBody)), 403,
               "Invalid api_key received -- can't proceed with create_request.");
  expect_error(post_form("/open311/v2/requests.json", spec_body({{"api_key", ""}})), 403,
               "api_key");
  // A valid key but the spec's service 001, which this jurisdiction does not offer: 404.
  expect_error(post_form("/open311/v2/requests.json",
                         spec_body({{"api_key", api_key_}, {"jurisdiction_id", ""}})),
               404, "001");
  // The required attribute missing: 400 naming it.
  expect_error(post_form("/open311/v2/requests.json", spec_body({{"api_key", api_key_},
                                                                 {"jurisdiction_id", "p1"},
                                                                 {"service_code", "PAKN02"}})),
               400, "attribute[procedure_code]");
  expect_error(
      post_form("/open311/v2/requests.json", spec_body({{"api_key", api_key_},
                                                        {"service_code", "PAKN02"},
                                                        {"attribute[WHISPAWN]", ""},
                                                        {"attribute[WHISDORN]", ""},
                                                        {"attribute[procedure_code]", "1.001193"},
                                                        {"jurisdiction_id", "p2"}})),
      404, "jurisdiction_id");
  auto none = get("/open311/v2/requests.json");
  EXPECT_TRUE(none.body.as_array().empty()) << none.raw.body;

  const std::string id = file();
  ASSERT_EQ(id.rfind("PA-", 0), 0u);

  // It IS MotCua feedback, addressed to the province (the jurisdiction): in the queue of the
  // province's administrator with its sender, not in a commune leader's.
  auto queue = admin_.get("/api/v1/feedback?status=received");
  ASSERT_EQ(queue.status, 200) << queue.raw.body;
  ASSERT_EQ(queue.body.as_array().size(), 1u) << queue.raw.body;
  EXPECT_EQ(queue.body.as_array()[0].at("code"), id.c_str());
  EXPECT_EQ(queue.body.as_array()[0].at("name"), "john smith");
  EXPECT_EQ(queue.body.as_array()[0].at("contact"), "111111111");
  EXPECT_TRUE(leader_.get("/api/v1/feedback").body.as_array().empty());
  auto status = get("/api/v1/feedback/" + id);
  ASSERT_EQ(status.status, 200);
  EXPECT_EQ(status.body.at("content"), "A large sinkhole is destroying the street");
  EXPECT_EQ(status.body.at("procedure_code"), "1.001193");
  EXPECT_EQ(status.body.at("agency_id"), "p1");

  auto one = get("/open311/v2/requests/" + id + ".json");
  ASSERT_EQ(one.status, 200) << one.raw.body;
  const auto& r = one.body.as_array().at(0).as_object();
  EXPECT_EQ(r.at("service_request_id"), id.c_str());
  EXPECT_EQ(r.at("status"), "open");
  EXPECT_TRUE(r.at("status_notes").is_null());
  EXPECT_EQ(r.at("service_code"), "PAKN01");
  EXPECT_EQ(r.at("requested_datetime"), "2026-03-09T09:00:00+07:00");
  EXPECT_EQ(r.at("expected_datetime"), "2026-03-23T17:00:00+07:00");
  EXPECT_EQ(r.at("address"), "1234 5th street");
  EXPECT_DOUBLE_EQ(r.at("lat").as_double(), 37.76524078);
  EXPECT_EQ(r.at("media_url"), "http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg");
  EXPECT_EQ(one.raw.body.find("smit333"), std::string::npos);  // no contact details in public
  EXPECT_EQ(one.raw.body.find("111111111"), std::string::npos);

  auto list = get("/open311/v2/requests.json");
  ASSERT_EQ(list.body.as_array().size(), 1u);
  EXPECT_EQ(list.body.as_array()[0].at("service_request_id"), id.c_str());
  expect_error(get("/open311/v2/requests/PA-NOPE.json"), 404, "PA-NOPE");
}

TEST_F(Open311, FiltersByStatusDateAndIdAsTheSpecSays) {
  const std::string first = file();
  const std::string second = file({{"description", "Hồ sơ khai sinh bị yêu cầu nộp thêm bản sao"}});
  // Answered through MotCua, it is closed with the answer as status_notes.
  auto queue = admin_.get("/api/v1/feedback?status=received");
  std::string feedback_id;
  for (const auto& f : queue.body.as_array())
    if (f.at("code") == first.c_str()) feedback_id = std::string(f.at("id").as_string());
  ASSERT_FALSE(feedback_id.empty()) << queue.raw.body;
  const std::string answer =
      "Theo khoản 1 Điều 6 Nghị định 123/2015/NĐ-CP, giấy chứng sinh là giấy tờ bắt buộc khi đăng "
      "ký khai sinh; cơ quan đã nhắc nhở cán bộ tiếp nhận không yêu cầu thêm giấy tờ.";
  auto answered = admin_.post(
      "/api/v1/feedback/" + feedback_id + "/answer",
      json::object{{"answer", answer}, {"legal_reference", "Nghị định 123/2015/NĐ-CP"}});
  ASSERT_EQ(answered.status, 200) << answered.raw.body;

  auto closed = get("/open311/v2/requests.json?status=closed");
  ASSERT_EQ(closed.body.as_array().size(), 1u) << closed.raw.body;
  EXPECT_EQ(closed.body.as_array()[0].at("service_request_id"), first.c_str());
  EXPECT_NE(std::string(closed.body.as_array()[0].at("status_notes").as_string()).find(answer),
            std::string::npos);
  auto open = get("/open311/v2/requests.json?status=open");
  ASSERT_EQ(open.body.as_array().size(), 1u);
  EXPECT_EQ(open.body.as_array()[0].at("service_request_id"), second.c_str());
  EXPECT_EQ(get("/open311/v2/requests.json?status=open,closed").body.as_array().size(), 2u);
  expect_error(get("/open311/v2/requests.json?status=pending"), 400, "status");

  EXPECT_EQ(get("/open311/v2/requests.json?start_date=2026-03-09T00:00:00%2B07:00&end_date="
                "2026-03-10T00:00:00Z")
                .body.as_array()
                .size(),
            2u);
  EXPECT_TRUE(get("/open311/v2/requests.json?start_date=2026-03-10T00:00:00%2B07:00")
                  .body.as_array()
                  .empty());
  expect_error(get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date="
                   "2026-06-01T00:00:00Z"),
               400, "90");
  expect_error(get("/open311/v2/requests.json?service_code=DMV66"), 404, "DMV66");
  EXPECT_EQ(get("/open311/v2/requests.json?service_code=PAKN01").body.as_array().size(), 2u);
  // A list of ids ignores the other filters.
  auto by_ids =
      get("/open311/v2/requests.json?service_request_id=" + first + "," + second + "&status=open");
  EXPECT_EQ(by_ids.body.as_array().size(), 2u);
}

TEST_F(Open311, XmlAnswersParseAndEscapeText) {
  // Markup characters in the text must come back as text, not as elements.
  const std::string id = file({{"description",
                                "Ph%C3%AD+%3C50.000%C4%91%3E+%26+l%E1%BB%87+ph%C3%AD"
                                "+thu+sai+%22quy+%C4%91%E1%BB%8Bnh%22"}});
  auto xml = get("/open311/v2/requests/" + id + ".xml");
  ASSERT_EQ(xml.status, 200) << xml.raw.body;
  EXPECT_EQ(xml.raw.body.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>", 0), 0u);
  const auto tree = parse_xml(xml.raw.body);
  const auto& request = tree.get_child("service_requests.request");
  EXPECT_EQ(request.get<std::string>("service_request_id"), id);
  EXPECT_EQ(request.get<std::string>("status"), "open");
  EXPECT_EQ(request.get<std::string>("description"), "Phí <50.000đ> & lệ phí thu sai \"quy định\"");
  EXPECT_EQ(request.get<std::string>("long"), "-122.4212043");

  // Filing in XML answers the spec's example 06 shape; errors come as <errors><error>.
  auto filed =
      post_form("/open311/v2/requests.xml", spec_body({{"api_key", api_key_},
                                                       {"jurisdiction_id", "p1"},
                                                       {"service_code", "PAKN02"},
                                                       {"attribute[WHISPAWN]", ""},
                                                       {"attribute[WHISDORN]", ""},
                                                       {"attribute[procedure_code]", "1.001193"}}));
  ASSERT_EQ(filed.status, 201) << filed.raw.body;
  const auto receipt = parse_xml(filed.raw.body);
  EXPECT_EQ(receipt.get<std::string>("service_requests.request.service_request_id").rfind("PA-", 0),
            0u);
  EXPECT_EQ(receipt.get<std::string>("service_requests.request.account_id"), "123456");
  auto refused = post_form("/open311/v2/requests.xml", std::string(kSpecPostBody));
  EXPECT_EQ(refused.status, 403);
  const auto errors = parse_xml(refused.raw.body);
  EXPECT_EQ(errors.get<int>("errors.error.code"), 403);
  EXPECT_NE(errors.get<std::string>("errors.error.description").find("Invalid api_key"),
            std::string::npos);
  const auto list = parse_xml(get("/open311/v2/requests.xml").raw.body);
  EXPECT_EQ(list.get_child("service_requests").size(), 2u);
}

}  // namespace
}  // namespace motcua::testing

namespace motcua::testing {
namespace {

// Each POST with a valid key counts, refused or not; past the hourly limit the key gets 429 in
// the spec's error format, and another key is not affected.
TEST_F(Open311, AKeyIsLimitedToSixtyRequestsAnHour) {
  const std::string refused = spec_body({{"api_key", api_key_}, {"description", ""}});
  for (int i = 0; i < 60; ++i) {
    ASSERT_EQ(post_form("/open311/v2/requests.json", refused).status, 404) << i;
  }
  expect_error(post_form("/open311/v2/requests.json", refused), 429, "60");
  auto other = admin_.post("/api/v1/admin/open311/keys", json::object{{"label", "Ứng dụng khác"}});
  ASSERT_EQ(other.status, 201);
  api_key_ = std::string(other.body.at("api_key").as_string());
  EXPECT_FALSE(file().empty());
  // A revoked key is refused from then on, with the spec's 403; its requests stay.
  const std::string key_id(other.body.at("id").as_string());
  auto revoked = admin_.post("/api/v1/admin/open311/keys/" + key_id + "/revoke",
                             json::object{{"reason", "Ứng dụng ngừng hoạt động"}});
  ASSERT_EQ(revoked.status, 200) << revoked.raw.body;
  expect_error(post_form("/open311/v2/requests.json",
                         spec_body({{"api_key", api_key_}, {"jurisdiction_id", "p1"}})),
               403, "Invalid api_key");
  EXPECT_EQ(get("/open311/v2/requests.json").body.as_array().size(), 1u);
  EXPECT_EQ(admin_
                .post("/api/v1/admin/open311/keys/" + key_id + "/revoke",
                      json::object{{"reason", "lần hai"}})
                .status,
            404);
  // Only administrators issue keys.
  EXPECT_EQ(leader_.post("/api/v1/admin/open311/keys", json::object{{"label", "x"}}).status, 403);
}

}  // namespace
}  // namespace motcua::testing
