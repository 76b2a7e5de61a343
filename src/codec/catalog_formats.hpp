// The readers of each catalog source format (docs/catalog-import.md). Each fills a Procedure from
// one JSON object and appends what it could not read to `warnings`; the caller rejects a record
// whose code or name is empty. Internal to src/codec/catalog_import.cpp.
#pragma once

#include <boost/json.hpp>

#include "domain/catalog/import_warning.hpp"
#include "domain/catalog/procedure.hpp"

namespace motcua::codec::catalog_formats {

// dvcqg-catalog-*.jsonl(.gz): national portal records with channel rows and papers as lists.
catalog::Procedure read_dvcqg_parsed(const boost::json::object& o, catalog::Warnings& warnings);

// dvcqg-sample-full-records.jsonl: the same records as scraped, tables flattened to text.
catalog::Procedure read_dvcqg_flat(const boost::json::object& o, catalog::Warnings& warnings);

// bqp-structured-*.jsonl: Ministry of Defence records from the portal's .doc export.
catalog::Procedure read_bqp(const boost::json::object& o, catalog::Warnings& warnings);

}  // namespace motcua::codec::catalog_formats
