#include "codec/tracking_book_fields.hpp"

#include <boost/json.hpp>

#include "codec/json_fields.hpp"

namespace motcua::codec {

namespace json = boost::json;

namespace {

// The object a text holds, or an empty one when it is not a JSON object.
json::object object_of(std::string_view text) {
  boost::system::error_code ec;
  auto doc = json::parse(text, ec);
  if (ec || !doc.is_object()) return {};
  return std::move(doc.as_object());
}

}  // namespace

BookDocumentFields book_document_fields(std::string_view dossier_document) {
  const auto d = object_of(dossier_document);
  const json::object none;
  const auto* applicant = object_field(d, "applicant");
  const auto& a = applicant != nullptr ? *applicant : none;
  return {text_field(d, "procedure_name"), text_field(d, "return_channel"),
          text_field(a, "address"), text_field(a, "phone")};
}

ReturnFields return_fields(std::string_view result_returned_payload) {
  const auto p = object_of(result_returned_payload);
  return {text_field(p, "receiver_name"), text_field(p, "channel")};
}

}  // namespace motcua::codec
