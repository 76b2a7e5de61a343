#include "domain/catalog/procedure.hpp"

#include <gtest/gtest.h>

#include "domain/catalog/canonical.hpp"
#include "domain/catalog/names_text.hpp"
#include "domain/catalog/version.hpp"

namespace motcua::catalog {
namespace {

Procedure birth_registration() {
  Procedure p;
  p.code = "1.001193";
  p.name = "Thủ tục đăng ký khai sinh";
  p.levels = {Level::commune};
  ChannelTerms online;
  online.channel = Channel::online;
  online.channel_raw = "Trực tuyến";
  online.time = {"1", TimeStatus::unparsed, std::nullopt, "a number without a unit"};
  online.fee = {"Miễn phí", FeeStatus::free, {}, false, false};
  p.channels = {online};
  p.cases = {{"",
              {Paper{"Tờ khai đăng ký khai sinh",
                     {"TK1.doc"},
                     1,
                     0,
                     "1 bản chính",
                     true,
                     PaperKind::submit,
                     "",
                     ""}}}};
  return p;
}

TEST(Names, LevelsAndChannels) {
  EXPECT_EQ(parse_level("Cấp Bộ"), Level::ministry);
  EXPECT_EQ(parse_level("cấp xã"), Level::commune);
  EXPECT_EQ(parse_level("Cơ quan khác"), Level::other);
  EXPECT_FALSE(parse_level("Cấp thôn"));
  const auto list = parse_level_list("Cấp Bộ, Cấp Tỉnh, Cấp Xã, Cấp Bộ, Cấp thôn");
  EXPECT_EQ(list.levels, (std::vector<Level>{Level::ministry, Level::province, Level::commune}));
  ASSERT_EQ(list.unknown.size(), 1u);
  EXPECT_EQ(list.unknown[0], "Cấp thôn");
  EXPECT_EQ(parse_channel("Trực tiếp"), Channel::counter);
  EXPECT_EQ(parse_channel("TRỰC TUYẾN"), Channel::online);
  EXPECT_EQ(parse_channel("Dịch vụ bưu chính"), Channel::post);
  EXPECT_FALSE(parse_channel("Fax"));
  EXPECT_TRUE(is_national_code("1.001193"));
  EXPECT_FALSE(is_national_code("1.00119"));
  EXPECT_FALSE(is_national_code("A.001193"));
}

TEST(OnlineService, FromChannelsAndName) {
  Procedure p = birth_registration();
  EXPECT_EQ(infer_online_service(p), OnlineService::partial);
  p.name = "Đăng ký xe lần đầu trực tuyến toàn trình";
  EXPECT_EQ(infer_online_service(p), OnlineService::full);
  p.channels[0].channel = Channel::counter;
  EXPECT_EQ(infer_online_service(p), OnlineService::none);
}

TEST(Canonical, EqualContentEqualTextAnyChangeDiffers) {
  const Procedure a = birth_registration();
  Procedure b = birth_registration();
  EXPECT_EQ(canonical_text(a), canonical_text(b));
  EXPECT_EQ(fnv1a64(canonical_text(a)), fnv1a64(canonical_text(b)));
  b.channels[0].fee.raw = "Miễn phí ";
  EXPECT_NE(canonical_text(a), canonical_text(b));
  b = birth_registration();
  b.cases[0].papers[0].copies = 1;
  EXPECT_NE(fnv1a64(canonical_text(a)), fnv1a64(canonical_text(b)));
}

TEST(Canonical, EscapesSoFieldsCannotRunTogether) {
  Procedure a = birth_registration();
  Procedure b = birth_registration();
  a.name = "x\nsource=y";
  b.name = "x";
  b.source = "y";
  EXPECT_NE(canonical_text(a), canonical_text(b));
  EXPECT_NE(canonical_text(a).find("name=x\\nsource=y\n"), std::string::npos);
}

TEST(Canonical, FnvIsTheStandardFunction) {
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cull);
}

TEST(Version, ClassifyAndAppend) {
  std::vector<ProcedureVersion> versions;
  const Procedure first = birth_registration();
  EXPECT_EQ(classify_change(nullptr, first), ChangeKind::added);
  ASSERT_EQ(add_version(versions, first, date_from_ymd(2025, 7, 1)), 1);
  EXPECT_EQ(classify_change(&versions.back(), first), ChangeKind::unchanged);

  Procedure second = first;
  second.channels[0].time = {"1 Ngày làm việc", TimeStatus::limit,
                             clock::TimeLimit{1, clock::LimitUnit::working_days}, ""};
  EXPECT_EQ(classify_change(&versions.back(), second), ChangeKind::updated);
  ASSERT_EQ(add_version(versions, second, date_from_ymd(2026, 1, 1)), 2);
  EXPECT_EQ(versions[0].effective_until, date_from_ymd(2026, 1, 1));

  // A dossier received on 31 December 2025 keeps version 1.
  EXPECT_EQ(version_in_force(versions, date_from_ymd(2025, 12, 31))->number, 1);
  EXPECT_EQ(version_in_force(versions, date_from_ymd(2026, 1, 1))->number, 2);
  EXPECT_EQ(version_in_force(versions, date_from_ymd(2025, 6, 30)), nullptr);

  EXPECT_FALSE(add_version(versions, second, date_from_ymd(2026, 1, 1)));
  Procedure other = first;
  other.code = "1.000894";
  EXPECT_FALSE(add_version(versions, other, date_from_ymd(2027, 1, 1)));
}

}  // namespace
}  // namespace motcua::catalog
