// The few fields of stored JSON the tracking book (form 07) prints: from a dossier's document the
// procedure's name, the return channel and the applicant's address and phone; from a
// result_returned event's payload who received the result and how. Missing fields are "".
#pragma once

#include <string>
#include <string_view>

namespace motcua::codec {

struct BookDocumentFields {
  std::string procedure_name;
  std::string return_channel;
  std::string applicant_address;
  std::string applicant_phone;
};
BookDocumentFields book_document_fields(std::string_view dossier_document);

struct ReturnFields {
  std::string receiver_name;
  std::string channel;
};
ReturnFields return_fields(std::string_view result_returned_payload);

}  // namespace motcua::codec
