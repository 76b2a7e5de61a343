// Every record of the real catalog files in data/catalog/ (data/README.md section 1) goes through
// the importer: all lines accounted for, none rejected, and spot checks of known records.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <map>

#include "codec/catalog_file.hpp"
#include "codec/catalog_report.hpp"

namespace motcua::codec {
namespace {

using catalog::Channel;
using catalog::FeeStatus;
using catalog::TimeStatus;
using catalog::WarningKind;
using clock::LimitUnit;
using clock::TimeLimit;

struct Imported {
  ImportSummary summary;
  std::map<std::string, ImportedProcedure> by_code;
  std::size_t lines = 0;
};

Imported import_file(const std::string& name) {
  const std::string path = std::string(MOTCUA_SOURCE_DIR) + "/data/catalog/" + name;
  Imported out;
  const auto lines = read_catalog_file(path);
  EXPECT_TRUE(lines) << (lines ? "" : lines.error());
  if (lines) out.lines = lines->size();
  const auto summary = import_catalog_file(path, [&](const CatalogLineResult& r) {
    if (r) out.by_code.emplace(r->procedure.code, *r);
  });
  EXPECT_TRUE(summary) << (summary ? "" : summary.error());
  if (summary) out.summary = *summary;
  std::cout << name << ": " << render_summary_json(out.summary) << "\n";
  return out;
}

void expect_all_accounted(const Imported& i, std::size_t records) {
  EXPECT_EQ(i.lines, records);
  EXPECT_EQ(i.summary.lines, records);
  EXPECT_EQ(i.summary.blank, 0u);
  EXPECT_EQ(i.summary.parsed() + i.summary.rejected.size(), i.summary.lines);
  EXPECT_TRUE(i.summary.rejected.empty());
  for (const Rejection& r : i.summary.rejected) {
    ADD_FAILURE() << "line " << r.line << " " << r.code << ": " << r.detail;
  }
  EXPECT_EQ(i.by_code.size(), records);
}

const catalog::ChannelTerms* channel(const catalog::Procedure& p, Channel c) {
  const auto it = std::find_if(p.channels.begin(), p.channels.end(),
                               [&](const catalog::ChannelTerms& t) { return t.channel == c; });
  return it == p.channels.end() ? nullptr : &*it;
}

bool has_warning(const ImportedProcedure& p, WarningKind kind) {
  return std::any_of(p.warnings.begin(), p.warnings.end(),
                     [&](const catalog::ImportWarning& w) { return w.kind == kind; });
}

TEST(CatalogData, NationalPortalCatalog) {
  const Imported i = import_file("dvcqg-catalog-2642.jsonl.gz");
  expect_all_accounted(i, 2642);

  const auto& birth = i.by_code.at("1.001193").procedure;
  EXPECT_EQ(birth.name, "Thủ tục đăng ký khai sinh");
  EXPECT_EQ(birth.levels, std::vector<catalog::Level>{catalog::Level::commune});
  ASSERT_EQ(birth.channels.size(), 3u);
  for (const auto& c : birth.channels) {
    EXPECT_EQ(c.time.raw, "1");
    EXPECT_EQ(c.time.status, TimeStatus::unparsed);  // a bare number: no unit guessed
    EXPECT_EQ(c.fee.status, FeeStatus::free);
  }
  EXPECT_TRUE(has_warning(i.by_code.at("1.001193"), WarningKind::time_unit_missing));

  const auto& marriage = i.by_code.at("1.000894").procedure;
  EXPECT_EQ(marriage.name, "Thủ tục đăng ký kết hôn");
  EXPECT_EQ(marriage.implementing_agency, "Ủy ban Nhân dân xã, phường, thị trấn.");  // NBSP gone

  const auto& residence = i.by_code.at("1.004222").procedure;
  const auto* online = channel(residence, Channel::online);
  const auto* counter = channel(residence, Channel::counter);
  ASSERT_NE(online, nullptr);
  ASSERT_NE(counter, nullptr);
  EXPECT_EQ(online->time.limit, (TimeLimit{7, LimitUnit::working_days}));
  EXPECT_EQ(online->fee.amounts.at(0).amount, 10000);
  EXPECT_EQ(counter->fee.amounts.at(0).amount, 20000);
  EXPECT_EQ(residence.online_service, catalog::OnlineService::partial);

  const ImportedProcedure& card = i.by_code.at("1.003358");
  EXPECT_TRUE(has_warning(card, WarningKind::fee_foreign_currency));
  EXPECT_TRUE(has_warning(card, WarningKind::fee_currency_corrected));
  for (const auto& c : card.procedure.channels) {
    EXPECT_TRUE(c.fee.foreign_currency) << c.fee.raw;
    EXPECT_EQ(c.fee.amounts.at(0).currency, catalog::Currency::usd) << c.fee.raw;
  }

  const ImportedProcedure& pass = i.by_code.at("1.003133");
  EXPECT_TRUE(has_warning(pass, WarningKind::fee_amount_implausible));

  // Rows lost by the parsed file's splitter come back from its raw column.
  const ImportedProcedure& tax = i.by_code.at("1.009824");
  EXPECT_TRUE(has_warning(tax, WarningKind::channel_recovered));
  EXPECT_EQ(tax.procedure.channels.size(), 3u);

  // "1100 VNĐ": time and fee digits glued.
  EXPECT_TRUE(has_warning(i.by_code.at("2.002009"), WarningKind::time_fee_merged));
}

TEST(CatalogData, NationalPortalRawSample) {
  const Imported i = import_file("dvcqg-sample-full-records.jsonl");
  expect_all_accounted(i, 130);
  const auto& complaint = i.by_code.at("1.000178").procedure;
  ASSERT_EQ(complaint.channels.size(), 2u);
  EXPECT_EQ(complaint.channels[0].channel, Channel::post);
  EXPECT_EQ(complaint.channels[0].time.limit, (TimeLimit{60, LimitUnit::working_days}));
  EXPECT_EQ(complaint.channels[0].fee.status, FeeStatus::missing);
  ASSERT_EQ(complaint.cases.size(), 1u);
  EXPECT_EQ(complaint.cases[0].papers.size(), 8u);
  EXPECT_EQ(complaint.cases[0].papers[0].name, "Tài liệu, chứng cứ do các bên cung cấp");
  EXPECT_FALSE(complaint.legal_basis.empty());
  EXPECT_EQ(complaint.legal_basis[0].number, "68/2013/TT-BCA");

  const auto& card = i.by_code.at("1.003358").procedure;
  EXPECT_EQ(card.channels.size(), 9u);
}

TEST(CatalogData, DefenceMinistryRecords) {
  const Imported i = import_file("bqp-structured-207.jsonl");
  expect_all_accounted(i, 207);
  const auto& border = i.by_code.at("1.013516").procedure;
  const auto* counter = channel(border, Channel::counter);
  ASSERT_NE(counter, nullptr);
  EXPECT_EQ(counter->time.raw, "01 Giờ");
  EXPECT_EQ(counter->time.limit, (TimeLimit{1, LimitUnit::working_hours}));
  EXPECT_EQ(counter->fee.status, FeeStatus::free);

  const auto& spill = i.by_code.at("1.013124").procedure;
  ASSERT_EQ(spill.cases.size(), 1u);
  ASSERT_EQ(spill.cases[0].papers.size(), 2u);
  EXPECT_EQ(spill.cases[0].papers[1].form_files, std::vector<std::string>{"5-PHLCII.doc"});
  EXPECT_EQ(spill.cases[0].papers[1].originals, 1);
  ASSERT_EQ(spill.legal_basis.size(), 1u);
  EXPECT_EQ(spill.legal_basis[0].issued, date_from_ymd(2021, 3, 24));

  // "Phí : 2.000.000 Đồng (...)" somewhere in the file.
  bool two_million = false;
  for (const auto& [code, p] : i.by_code) {
    for (const auto& c : p.procedure.channels) {
      for (const auto& a : c.fee.amounts) {
        two_million = two_million || (a.amount == 2000000 && a.kind == catalog::FeeKind::fee &&
                                      a.currency == catalog::Currency::vnd);
      }
    }
  }
  EXPECT_TRUE(two_million);
}

}  // namespace
}  // namespace motcua::codec
