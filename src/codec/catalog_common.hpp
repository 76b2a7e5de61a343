// Building catalog values from the text cells every source format has, with the domain parsers
// (src/domain/catalog/*_text.hpp) and the checks every imported procedure goes through. Internal
// to the catalog importers (src/codec/catalog_*.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/catalog/import_warning.hpp"
#include "domain/catalog/procedure.hpp"

namespace motcua::codec::catalog_build {

// Where each cell of a channel row came from, for warnings.
struct ChannelFields {
  std::string channel;
  std::string time;
  std::string fee;
};

catalog::ChannelTerms channel_row(std::string_view channel, std::string_view time,
                                  std::string_view fee, std::string_view description,
                                  const ChannelFields& fields, catalog::Warnings& warnings);

// A row whose time and fee digits the scraper glued together ("1100 VNĐ"): both are kept raw,
// neither is parsed, one time_fee_merged warning.
catalog::ChannelTerms merged_channel_row(std::string_view channel, std::string_view merged,
                                         std::string_view description, const ChannelFields& fields,
                                         catalog::Warnings& warnings);

struct PaperFields {
  std::string name;
  std::string count;
};

// A paper from its cells: splits a template file name off the name, reads the count, repairs a
// year glued to the count, decides mandatory.
catalog::Paper paper(std::string_view name, std::vector<std::string> form_files,
                     std::string_view count, const PaperFields& fields,
                     catalog::Warnings& warnings);

// The portal scraper split "1 bản chính,1 bản sao" into two rows, the second named ",". When
// `name` has no letter or digit and a paper precedes it, its count is merged into that paper and
// true is returned.
bool rejoin_count_row(std::vector<catalog::Paper>& papers, std::string_view name,
                      std::string_view count, const PaperFields& fields,
                      catalog::Warnings& warnings);

// The cells of one paper row as the source gives them.
struct PaperRow {
  std::string name;
  std::string form;
  std::string count;
  std::string path;  // of the row, for warnings
};

// The portal scraper also took a count written inside brackets ("Tài liệu (01 bản sao công
// chứng)") for the row's count, leaving a name that ends with "(" and the rest of the bracket in
// the next rows. Such rows are joined back until the brackets balance; the joined row keeps the
// last row's count, or the bracketed one when that is zero.
std::vector<PaperRow> join_bracket_splits(std::vector<PaperRow> rows, catalog::Warnings& warnings);

// Levels from their published names.
void set_levels(catalog::Procedure& p, const std::vector<std::string>& names,
                const std::string& field, catalog::Warnings& warnings);

// Checks every record gets: code form, levels, implementing agency, channels, units mixed across
// channels; sets the online service type.
void finish(catalog::Procedure& p, catalog::Warnings& warnings);

}  // namespace motcua::codec::catalog_build
