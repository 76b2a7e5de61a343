#include "integrations/postal/postal_adapter.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "codec/postal_order.hpp"

namespace motcua::integrations {
namespace {

codec::PostalOrderPayload delivery() {
  return {"delivery",
          "d_1",
          "000.01.01.H40-260309-0001",
          {"Bộ phận Một cửa xã", "", "1 Trần Hưng Đạo"},
          {"Nguyễn Văn An", "0900000001", "12 Lê Lợi"},
          30000,
          250,
          "Kết quả"};
}

TEST(PostalAdapter, MapsTheOrderToThePostsFields) {
  std::string error;
  const auto body =
      vnpost_order_body(codec::postal_order_to_text(delivery()), "d_1:postal:delivery", error);
  ASSERT_TRUE(body) << error;
  const auto o = boost::json::parse(*body).as_object();
  EXPECT_EQ(o.at("OrderCode"), "d_1:postal:delivery");
  EXPECT_EQ(o.at("SenderAddress"), "1 Trần Hưng Đạo");
  EXPECT_EQ(o.at("ReceiverFullname"), "Nguyễn Văn An");
  EXPECT_EQ(o.at("ReceiverTel"), "0900000001");
  EXPECT_EQ(o.at("CodAmount"), 30000);
  EXPECT_EQ(o.at("Weight"), 250);
  EXPECT_EQ(o.at("PickupType"), 2);
}

TEST(PostalAdapter, AMessageThatIsNoOrderIsDeadAndAnAnswerWithoutItemCodeIsNotTaken) {
  PostalAdapter adapter("http://127.0.0.1:9", "");
  const auto dead = adapter.deliver({1, "postal.order", "k", R"({"kind":"parcel"})", 0});
  EXPECT_EQ(dead.outcome, app::delivery::DeliveryOutcome::dead);
  EXPECT_NE(dead.error.find("kind"), std::string::npos);
  EXPECT_EQ(read_item_code(R"({"ItemCode":"EL1VN"})"), "EL1VN");
  EXPECT_FALSE(read_item_code(R"({"Status":1})"));
  EXPECT_FALSE(read_item_code("<html>"));
  EXPECT_FALSE(PostalAdapter("", "").configured());
}

}  // namespace
}  // namespace motcua::integrations
