// How the catalog's paper groups read before and after domain/catalog/paper_structure.hpp, over the
// real files of data/catalog/. Prints the figures of docs/catalog-import.md ("Headings, cases and
// notes"); run:
//   ./build/codec_tests --gtest_filter='CatalogStructureCounts.*'
// and checks that no heading, kind or note survives as a case.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <iostream>
#include <map>

#include "codec/catalog_file.hpp"
#include "codec/catalog_formats.hpp"
#include "codec/procedure_document.hpp"
#include "codec/procedure_papers_json.hpp"
#include "domain/catalog/paper_identity.hpp"
#include "domain/catalog/paper_structure.hpp"

namespace motcua::codec {
namespace {

using catalog::HeadingRole;

struct Counts {
  std::size_t procedures = 0;
  std::size_t groups = 0;
  std::map<HeadingRole, std::size_t> groups_by_role;
  std::size_t papers = 0;
  std::size_t mandatory = 0;
  std::size_t present = 0;
  std::size_t conditional = 0;
  std::size_t notes = 0;
  std::size_t with_no_case = 0;
  std::size_t with_one_case = 0;
  std::size_t with_several_cases = 0;
};

void add(Counts& c, const catalog::Procedure& p) {
  ++c.procedures;
  c.groups += p.cases.size();
  for (const catalog::CaseVariant& v : p.cases) {
    ++c.groups_by_role[catalog::classify_heading(v.name)];
    for (const catalog::Paper& paper : v.papers) {
      ++c.papers;
      if (paper.mandatory) ++c.mandatory;
      if (paper.kind == catalog::PaperKind::present) ++c.present;
      if (!paper.condition.empty()) ++c.conditional;
    }
  }
  c.notes += p.notes.size();
  (p.cases.empty()       ? c.with_no_case
   : p.cases.size() == 1 ? c.with_one_case
                         : c.with_several_cases)++;
}

void print(const std::string& file, const Counts& before, const Counts& after) {
  auto role = [](const Counts& c, HeadingRole r) {
    const auto it = c.groups_by_role.find(r);
    return it == c.groups_by_role.end() ? std::size_t{0} : it->second;
  };
  std::cout << "| " << file << " | before | after |\n|---|---:|---:|\n";
  auto row = [](const char* what, std::size_t b, std::size_t a) {
    std::cout << "| " << what << " | " << b << " | " << a << " |\n";
  };
  row("procedures", before.procedures, after.procedures);
  row("cases (groups before)", before.groups, after.groups);
  row("... headed by nothing or a common heading", role(before, HeadingRole::common),
      role(after, HeadingRole::common));
  row("... headed \"Giấy tờ phải nộp\"", role(before, HeadingRole::submit),
      role(after, HeadingRole::submit));
  row("... headed \"Giấy tờ phải xuất trình\"", role(before, HeadingRole::present),
      role(after, HeadingRole::present));
  row("... headed \"Lưu ý\" / \"Ghi chú\"", role(before, HeadingRole::notes),
      role(after, HeadingRole::notes));
  row("... real situations", role(before, HeadingRole::real), role(after, HeadingRole::real));
  row("papers", before.papers, after.papers);
  row("... to submit", before.papers - before.present, after.papers - after.present);
  row("... to present (xuất trình)", before.present, after.present);
  row("... with a condition", before.conditional, after.conditional);
  row("... mandatory", before.mandatory, after.mandatory);
  row("notes", before.notes, after.notes);
  row("procedures with no case", before.with_no_case, after.with_no_case);
  row("procedures with one case", before.with_one_case, after.with_one_case);
  row("procedures with several cases", before.with_several_cases, after.with_several_cases);
  std::cout << "\n";
}

void count_file(const std::string& name) {
  const std::string path = std::string(MOTCUA_SOURCE_DIR) + "/data/catalog/" + name;
  const auto lines = read_catalog_file(path);
  ASSERT_TRUE(lines) << lines.error();
  Counts before;
  Counts after;
  for (const CatalogLine& line : *lines) {
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(line.text, ec);
    if (ec || !v.is_object()) continue;
    const boost::json::object& o = v.get_object();
    catalog::Warnings warnings;
    catalog::Procedure p;
    // As catalog_import.cpp detects the format.
    const auto* ways = o.if_contains("cach_thuc_thuc_hien");
    const auto* levels = o.if_contains("cap_thuc_hien");
    if (o.contains("thu_tuc_id") || (o.contains("metadata") && o.contains("tables"))) {
      p = catalog_formats::read_bqp(o, warnings);
    } else if ((ways && ways->is_string()) || (!ways && levels && levels->is_string())) {
      p = catalog_formats::read_dvcqg_flat(o, warnings);
    } else {
      p = catalog_formats::read_dvcqg_parsed(o, warnings);
    }
    add(before, p);
    // The upgrade of a document stored unstructured gives what a fresh import stores, byte for
    // byte (store::upsert_procedure then adds no version).
    const std::string old_document = serialize_procedure(p);
    const bool had_cases = !p.cases.empty();
    catalog::structure_papers(p);
    catalog::Procedure fresh = p;
    catalog::assign_paper_ids(fresh);
    const std::string fresh_document = serialize_procedure(fresh);
    EXPECT_EQ(restructured_document(old_document).value_or(old_document), fresh_document) << p.code;
    EXPECT_FALSE(restructured_document(fresh_document)) << p.code;
    if (had_cases && p.cases.empty()) std::cout << "no paper left: " << p.code << "\n";
    add(after, p);
    for (const catalog::CaseVariant& c : p.cases) {
      const HeadingRole role = catalog::classify_heading(c.name);
      EXPECT_TRUE(role == HeadingRole::common || role == HeadingRole::real)
          << p.code << ": " << c.name;
      EXPECT_FALSE(c.papers.empty()) << p.code << ": " << c.name;
    }
    if (p.cases.size() == 1) {
      EXPECT_EQ(p.cases[0].name, "") << p.code;
    }
  }
  print(name, before, after);
  EXPECT_EQ(after.groups_by_role[HeadingRole::submit], 0u);
  EXPECT_EQ(after.groups_by_role[HeadingRole::present], 0u);
  EXPECT_EQ(after.groups_by_role[HeadingRole::notes], 0u);
}

TEST(CatalogStructureCounts, NationalFile) { count_file("dvcqg-catalog-2642.jsonl.gz"); }
TEST(CatalogStructureCounts, StructuredSample) { count_file("dvcqg-sample-full-records.jsonl"); }
TEST(CatalogStructureCounts, DefenceMinistryFile) { count_file("bqp-structured-207.jsonl"); }

}  // namespace
}  // namespace motcua::codec
