// A small layout toolkit over cairo's PDF surface and pango's text engine: paragraphs that wrap,
// blocks of centred lines side by side (the two-column national header, signature blocks),
// horizontal rules, a QR symbol drawn as vector squares, and tables whose cells wrap and whose
// rows flow onto new pages with the header repeated. Text is real text: pango shapes it (the
// stacked Vietnamese diacritics included) with fonts fontconfig finds among the installed Debian
// packages, and cairo embeds the fonts with their Unicode maps, so the words can be selected,
// searched and extracted (pdftotext). Sizes are in points; the page is A4.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "qr/qr_svg.hpp"

namespace motcua::documents {

enum class Align { left, center, right, justify };

struct TextStyle {
  double size = 13;  // Decree 30/2020 sets 13-14 pt for the body of administrative documents
  bool bold = false;
  bool italic = false;
  Align align = Align::justify;
  double first_line_indent = 0;
};

// One line (or wrapped paragraph) of a block.
struct BlockLine {
  std::string text;
  TextStyle style;
  bool rule_below = false;  // the short line under an issuer's name or the national motto
};

// A column of a side-by-side layout: its share of the width and its lines, centred.
struct Block {
  double share = 0.5;
  std::vector<BlockLine> lines;
};

struct TableColumn {
  std::string header;
  double share = 1;  // relative width
  Align align = Align::left;
};

enum class Orientation { portrait, landscape };

class PdfCanvas {
 public:
  explicit PdfCanvas(std::string_view title, Orientation orientation = Orientation::portrait);
  ~PdfCanvas();
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  // The width between the margins.
  double content_width() const;
  // Pages begun so far.
  int pages() const { return pages_; }

  void paragraph(std::string_view text, const TextStyle& style = {}, double space_after = 3);
  // Blocks side by side from the current line; the cursor moves below the tallest.
  void blocks(const std::vector<Block>& columns, double space_after = 6);
  // The QR symbol `side` points wide at the right margin, from the current line, with `caption`
  // under it. The cursor stays: the paragraphs that follow wrap short of the symbol until they
  // are below it, and a table or blocks start below it.
  void qr_at_right(const qr::QrModules& modules, double side, std::string_view caption);
  // A table from the current line. A row that does not fit goes to the next page, where the
  // header is drawn again.
  void table(const std::vector<TableColumn>& columns,
             const std::vector<std::vector<std::string>>& rows, double font_size = 11);
  void space(double points);
  // Starts a new page unless `height` points still fit on this one.
  void keep(double height);

  // Ends the document and returns the PDF's bytes. The canvas is spent afterwards.
  std::string finish();

 private:
  struct Impl;
  double measure(std::string_view text, const TextStyle& style, double width) const;
  void draw(std::string_view text, const TextStyle& style, double x, double y, double width);
  void new_page();

  std::unique_ptr<Impl> impl_;
  double page_width_;
  double page_height_;
  // Clears the column kept beside a QR symbol: moves the cursor below it.
  void clear_reserve();

  double y_;
  int pages_ = 1;
  double reserve_until_ = 0;  // the right-hand column is taken down to this height
  double reserve_width_ = 0;
};

}  // namespace motcua::documents
