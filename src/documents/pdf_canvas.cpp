#include "documents/pdf_canvas.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <stdexcept>

namespace motcua::documents {

namespace {

// A4 in points; margins as Decree 30/2020 lays out administrative documents (top and bottom
// 20 mm, left 30 mm for the binding, right 15 mm).
constexpr double kA4Short = 595.28;
constexpr double kA4Long = 841.89;
constexpr double kMm = 72.0 / 25.4;
constexpr double kTop = 20 * kMm;
constexpr double kBottom = 20 * kMm;
constexpr double kLeft = 30 * kMm;
constexpr double kRight = 15 * kMm;
constexpr double kCellPad = 3;
// Fontconfig picks the first family installed: Noto Serif (fonts-noto-core) is closest to the
// Times New Roman of paper forms and covers Vietnamese; DejaVu Serif is the fallback.
constexpr const char* kFamily = "Noto Serif, DejaVu Serif, serif";

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

PangoAlignment pango_align(Align align) {
  switch (align) {
    case Align::center:
      return PANGO_ALIGN_CENTER;
    case Align::right:
      return PANGO_ALIGN_RIGHT;
    default:
      return PANGO_ALIGN_LEFT;
  }
}

}  // namespace

struct PdfCanvas::Impl {
  std::string bytes;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  PangoLayout* layout = nullptr;
  PangoFontDescription* font = nullptr;

  ~Impl() {
    if (font) pango_font_description_free(font);
    if (layout) g_object_unref(layout);
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
  }

  // Prepares the one layout for `text` in `style` at `width` points.
  void set(std::string_view text, const TextStyle& style, double width) {
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, pango_align(style.align));
    pango_layout_set_justify(layout, style.align == Align::justify);
    pango_layout_set_indent(layout, static_cast<int>(style.first_line_indent * PANGO_SCALE));
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  }

  double height() const {
    int w = 0;
    int h = 0;
    pango_layout_get_size(layout, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }
};

PdfCanvas::PdfCanvas(std::string_view title, Orientation orientation)
    : impl_(std::make_unique<Impl>()),
      page_width_(orientation == Orientation::portrait ? kA4Short : kA4Long),
      page_height_(orientation == Orientation::portrait ? kA4Long : kA4Short),
      y_(kTop) {
  impl_->surface =
      cairo_pdf_surface_create_for_stream(append_bytes, &impl_->bytes, page_width_, page_height_);
  if (cairo_surface_status(impl_->surface) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("cairo could not create a PDF surface");
  const std::string title_text(title);
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_TITLE, title_text.c_str());
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATOR, "MotCua");
  impl_->cr = cairo_create(impl_->surface);
  impl_->layout = pango_cairo_create_layout(impl_->cr);
  impl_->font = pango_font_description_from_string(kFamily);
  cairo_set_source_rgb(impl_->cr, 0, 0, 0);
}

PdfCanvas::~PdfCanvas() = default;

double PdfCanvas::content_width() const { return page_width_ - kLeft - kRight; }

double PdfCanvas::measure(std::string_view text, const TextStyle& style, double width) const {
  impl_->set(text, style, width);
  return impl_->height();
}

void PdfCanvas::draw(std::string_view text, const TextStyle& style, double x, double y,
                     double width) {
  impl_->set(text, style, width);
  cairo_move_to(impl_->cr, x, y);
  pango_cairo_show_layout(impl_->cr, impl_->layout);
}

void PdfCanvas::new_page() {
  cairo_show_page(impl_->cr);
  ++pages_;
  y_ = kTop;
}

void PdfCanvas::keep(double height) {
  if (y_ + height > page_height_ - kBottom && y_ > kTop) new_page();
}

void PdfCanvas::space(double points) { y_ += points; }

void PdfCanvas::clear_reserve() {
  y_ = std::max(y_, reserve_until_);
  reserve_until_ = 0;
}

void PdfCanvas::paragraph(std::string_view text, const TextStyle& style, double space_after) {
  const double width = content_width() - (y_ < reserve_until_ ? reserve_width_ : 0);
  const double h = measure(text, style, width);
  keep(h);
  draw(text, style, kLeft, y_, width);
  y_ += h + space_after;
}

void PdfCanvas::blocks(const std::vector<Block>& columns, double space_after) {
  clear_reserve();
  double total = 0;
  for (const auto& c : columns) total += c.share;
  // Measure first: the whole row of blocks stays on one page.
  double tallest = 0;
  for (const auto& c : columns) {
    const double w = content_width() * c.share / total;
    double h = 0;
    for (const auto& line : c.lines)
      h += measure(line.text, line.style, w) + (line.rule_below ? 6 : 0);
    tallest = std::max(tallest, h);
  }
  keep(tallest);
  double x = kLeft;
  for (const auto& c : columns) {
    const double w = content_width() * c.share / total;
    double y = y_;
    for (const auto& line : c.lines) {
      if (line.text.empty()) {
        y += measure(" ", line.style, w);
        continue;
      }
      draw(line.text, line.style, x, y, w);
      y += impl_->height();
      if (line.rule_below) {
        // A rule a third of the column wide, centred under the line, as the forms print it.
        cairo_set_line_width(impl_->cr, 0.6);
        cairo_move_to(impl_->cr, x + w / 3, y + 2);
        cairo_line_to(impl_->cr, x + 2 * w / 3, y + 2);
        cairo_stroke(impl_->cr);
        y += 6;
      }
    }
    x += w;
  }
  y_ += tallest + space_after;
}

void PdfCanvas::qr_at_right(const qr::QrModules& modules, double side, std::string_view caption) {
  if (modules.width <= 0) return;
  keep(side + 14);
  const double cell = side / modules.width;
  const double x0 = kLeft + content_width() - side;
  cairo_t* cr = impl_->cr;
  for (int row = 0; row < modules.width; ++row) {
    for (int col = 0; col < modules.width; ++col) {
      if (!modules.dark[static_cast<std::size_t>(row) * modules.width + col]) continue;
      cairo_rectangle(cr, x0 + col * cell, y_ + row * cell, cell, cell);
    }
  }
  cairo_fill(cr);
  const TextStyle small{.size = 8, .italic = true, .align = Align::center};
  draw(caption, small, x0 - 20, y_ + side + 1, side + 30);
  reserve_until_ = y_ + side + 4 + impl_->height();
  reserve_width_ = side + 16;
}

void PdfCanvas::table(const std::vector<TableColumn>& columns,
                      const std::vector<std::vector<std::string>>& rows, double font_size) {
  double total = 0;
  for (const auto& c : columns) total += c.share;
  std::vector<double> widths;
  for (const auto& c : columns) widths.push_back(content_width() * c.share / total);
  const TextStyle header_style{.size = font_size, .bold = true, .align = Align::center};
  clear_reserve();

  cairo_t* cr = impl_->cr;
  cairo_set_line_width(cr, 0.5);
  // Draws one row of cells at the cursor and moves below it.
  auto style_of = [&](std::size_t column, bool header) {
    return header ? header_style : TextStyle{.size = font_size, .align = columns[column].align};
  };
  auto cell_text = [](const std::vector<std::string>& cells, std::size_t i) -> std::string_view {
    return i < cells.size() ? std::string_view(cells[i]) : std::string_view();
  };
  auto row_height = [&](const std::vector<std::string>& cells, bool header) {
    double h = 0;
    for (std::size_t i = 0; i < columns.size(); ++i)
      h = std::max(h, measure(cell_text(cells, i), style_of(i, header), widths[i] - 2 * kCellPad));
    return h + 2 * kCellPad;
  };
  // Draws one row of cells at the cursor and moves below it.
  auto draw_row = [&](const std::vector<std::string>& cells, bool header) {
    const double h = row_height(cells, header);
    double x = kLeft;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const auto text = cell_text(cells, i);
      if (!text.empty())
        draw(text, style_of(i, header), x + kCellPad, y_ + kCellPad, widths[i] - 2 * kCellPad);
      cairo_rectangle(cr, x, y_, widths[i], h);
      cairo_stroke(cr);
      x += widths[i];
    }
    y_ += h;
  };

  std::vector<std::string> header;
  for (const auto& c : columns) header.push_back(c.header);
  const double header_h = row_height(header, true);
  // The header never stands alone at the foot of a page.
  keep(header_h + (rows.empty() ? 0 : row_height(rows.front(), false)));
  draw_row(header, true);
  for (const auto& row : rows) {
    const double h = row_height(row, false);
    if (y_ + h > page_height_ - kBottom) {
      new_page();
      draw_row(header, true);
    }
    draw_row(row, false);
  }
  y_ += 4;
}

std::string PdfCanvas::finish() {
  cairo_show_page(impl_->cr);
  g_object_unref(impl_->layout);
  impl_->layout = nullptr;
  cairo_destroy(impl_->cr);
  impl_->cr = nullptr;
  cairo_surface_finish(impl_->surface);
  const auto status = cairo_surface_status(impl_->surface);
  cairo_surface_destroy(impl_->surface);
  impl_->surface = nullptr;
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cairo could not finish the PDF");
  return std::move(impl_->bytes);
}

}  // namespace motcua::documents
