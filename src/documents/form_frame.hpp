// The parts every form of Circular 03/2025 prints the same way: the form's number, the two-column
// national header (the issuer on the left; "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do -
// Hạnh phúc" on the right, each with its short rule), the place and date line, the title, and the
// signature blocks at the foot.
#pragma once

#include <string>

#include "documents/pdf_canvas.hpp"

namespace motcua::documents {

struct FormFrame {
  std::string form_number;    // "01"; empty for a paper without a number (the result notice)
  std::string issuer_parent;  // the body above the issuer, e.g. "UBND huyện Đông Anh"
  std::string issuer;         // the unit or agency issuing the paper
  std::string place;          // the place of the date line
  std::string date_iso;       // the date of the paper; empty prints dots to fill in by hand
  std::string title;          // printed in capitals
  std::string subtitle;       // e.g. "Mã hồ sơ: ...", under the title
};

void begin_form(PdfCanvas& canvas, const FormFrame& frame);

struct Signer {
  std::string role;  // "NGƯỜI TIẾP NHẬN HỒ SƠ"
  std::string note;  // "(Ký và ghi rõ họ tên)"
  std::string name;  // printed under the space left for the signature
};

// Two signers side by side; an empty role leaves its side blank.
void signatures(PdfCanvas& canvas, const Signer& left, const Signer& right);

}  // namespace motcua::documents
