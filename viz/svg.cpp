// Shareable chart pictures as SVG text (see svg.h). Layout in a fixed 960×540 box: title, subtitle,
// plot with y ticks and value labels, category labels (rotated when crowded), source line.
// Does not own: the figures or their words.
#include "viz/svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "viz/color.h"
#include "viz/scale.h"

namespace sdw::svg {
namespace {

std::string num(double v) {   // SVG coordinates: plain C locale, one decimal
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

std::string hex(uint32_t rgba) {
  char b[8];
  std::snprintf(b, sizeof b, "#%02x%02x%02x", red_of(rgba), green_of(rgba), blue_of(rgba));
  return b;
}

// Lines of at most max_chars characters (UTF-8 code points), broken at spaces; a word longer than a line
// stays whole. SVG text does not wrap by itself, and a headline is one sentence of up to ~150 characters.
std::vector<std::string> wrap(std::string_view s, size_t max_chars) {
  auto chars = [](std::string_view w) {
    size_t n = 0;
    for (unsigned char c : w) n += (c & 0xC0) != 0x80;
    return n;
  };
  std::vector<std::string> lines;
  std::string line;
  size_t line_chars = 0, i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    const std::string_view word = s.substr(i, j - i);
    const size_t wc = chars(word);
    if (!line.empty() && line_chars + 1 + wc > max_chars) { lines.push_back(line); line.clear(); line_chars = 0; }
    if (!line.empty()) { line += ' '; line_chars++; }
    line += word;
    line_chars += wc;
    i = j + 1;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

// <text> with one <tspan> per line, each line_height below the previous.
std::string text_lines(const std::vector<std::string>& lines, double x, double y, double line_height, const std::string& attrs) {
  std::string s = "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" " + attrs + ">";
  for (size_t i = 0; i < lines.size(); i++)
    s += "<tspan x=\"" + num(x) + "\" dy=\"" + (i ? num(line_height) : std::string("0")) + "\">" + escape(lines[i]) + "</tspan>";
  return s + "</text>\n";
}

}  // namespace

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  return out;
}

std::string bar_chart(const BarPicture& p, std::span<const std::string> categories, std::span<const double> values) {
  const double W = p.width, H = p.height;
  // Title ~14 px per character at 24 px bold, subtitle ~9.5 px at 17 px, source ~7.3 px at 13 px.
  const auto title = wrap(p.title, static_cast<size_t>((W - 56) / 14.2));
  const auto subtitle = wrap(p.subtitle, static_cast<size_t>((W - 56) / 9.4));
  const auto source = wrap(p.source, static_cast<size_t>((W - 56) / 7.2));
  const double title_h = 30.0 * title.size(), subtitle_h = 22.0 * subtitle.size(), source_h = 18.0 * source.size();
  const double left = 84, right = 28, top = 44 + title_h + subtitle_h + 30, bottom = 100 + source_h;
  const double pw = W - left - right, ph = H - top - bottom;
  const size_t n = std::min(categories.size(), values.size());
  double hi = 0;
  for (size_t i = 0; i < n; i++)
    if (std::isfinite(values[i])) hi = std::max(hi, values[i]);
  if (hi <= 0) hi = 1;
  double lo = 0;
  nice_domain(lo, hi, 5);
  const LinearTicks ticks = linear_ticks(0, hi, 5);
  auto y_of = [&](double v) { return top + ph - (v / hi) * ph; };

  std::string s;
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(W) + "\" height=\"" + num(H) + "\" viewBox=\"0 0 " + num(W) + " " +
       num(H) + "\" font-family=\"DejaVu Sans, Verdana, sans-serif\" role=\"img\" aria-labelledby=\"t d\">\n";
  s += "<title id=\"t\">" + escape(p.title) + "</title>\n<desc id=\"d\">" + escape(p.subtitle) + " — " + escape(p.source) + "</desc>\n";
  s += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  s += text_lines(title, 28, 44, 30, "font-size=\"24\" font-weight=\"bold\" fill=\"#16181d\"");
  s += text_lines(subtitle, 28, 44 + title_h + 4, 22, "font-size=\"17\" fill=\"#4a4d55\"");
  s += "<text x=\"" + num(left - 10) + "\" y=\"" + num(top - 14) + "\" font-size=\"15\" fill=\"#4a4d55\" text-anchor=\"end\">" +
       escape(p.unit) + "</text>\n";
  for (double t : ticks.values) {   // grid and y labels
    const double y = y_of(t);
    s += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + pw) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) +
         "\" stroke=\"#d9dbe0\" stroke-width=\"1\"/>\n";
    s += "<text x=\"" + num(left - 10) + "\" y=\"" + num(y + 5) + "\" font-size=\"14\" fill=\"#4a4d55\" text-anchor=\"end\">" +
         escape(format_tick(p.lang, t, ticks.step)) + "</text>\n";
  }
  const double slot = n ? pw / n : pw;
  const double bw = slot * 0.68;
  const bool rotate = n > 0 && slot < 64;
  const uint32_t fill = okabe_ito(4, false);
  for (size_t i = 0; i < n; i++) {
    const double x = left + slot * i + (slot - bw) / 2, cx = left + slot * (i + 0.5);
    if (std::isfinite(values[i]) && values[i] > 0) {
      const double y = y_of(values[i]);
      s += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(bw) + "\" height=\"" + num(top + ph - y) + "\" fill=\"" +
           hex(fill) + "\"><title>" + escape(categories[i]) + " : " + escape(format_value(p.lang, values[i], p.decimals, p.unit)) +
           "</title></rect>\n";
      if (!rotate)
        s += "<text x=\"" + num(cx) + "\" y=\"" + num(y - 7) + "\" font-size=\"14\" fill=\"#16181d\" text-anchor=\"middle\">" +
             escape(format_number(p.lang, values[i], p.decimals)) + "</text>\n";
    }
    if (rotate)
      s += "<text transform=\"translate(" + num(cx + 4) + "," + num(top + ph + 12) + ") rotate(-45)\" font-size=\"13\" fill=\"#16181d\" "
           "text-anchor=\"end\">" + escape(categories[i]) + "</text>\n";
    else
      s += "<text x=\"" + num(cx) + "\" y=\"" + num(top + ph + 24) + "\" font-size=\"14\" fill=\"#16181d\" text-anchor=\"middle\">" +
           escape(categories[i]) + "</text>\n";
  }
  s += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + pw) + "\" y1=\"" + num(top + ph) + "\" y2=\"" + num(top + ph) +
       "\" stroke=\"#16181d\" stroke-width=\"1.5\"/>\n";
  s += text_lines(source, 28, H - 22 - 18.0 * (source.size() - 1), 18, "font-size=\"13\" fill=\"#4a4d55\"");
  s += "</svg>\n";
  return s;
}

std::string page(const Page& p) {
  const double W = p.width, H = p.height, margin = 80;
  const auto chars = [&](double px) { return static_cast<size_t>((W - 2 * margin) / px); };
  std::string body;
  double y = margin + 36;
  body += text_lines(wrap(p.title, chars(20.5)), margin, y, 44, "font-size=\"36\" font-weight=\"bold\" fill=\"#16181d\"");
  y += 44.0 * static_cast<double>(wrap(p.title, chars(20.5)).size());
  const auto sub = wrap(p.subtitle, chars(11.5));
  body += text_lines(sub, margin, y, 28, "font-size=\"21\" fill=\"#4a4d55\"");
  y += 28.0 * static_cast<double>(sub.size()) + 24;
  const double bottom = H - margin - 40;   // the footer's room
  size_t left_out = 0;
  for (const PageSection& sec : p.sections) {
    if (y + 40 > bottom) { left_out += sec.paragraphs.size(); continue; }
    body += "<text x=\"" + num(margin) + "\" y=\"" + num(y + 26) + "\" font-size=\"26\" font-weight=\"bold\" fill=\"#0b5394\">" +
            escape(sec.heading) + "</text>\n";
    y += 44;
    for (const std::string& para : sec.paragraphs) {
      const auto lines = wrap(para, chars(10.4));
      const double h = 25.0 * static_cast<double>(lines.size());
      if (y + h > bottom) { left_out++; continue; }
      body += text_lines(lines, margin + 18, y + 19, 25, "font-size=\"19\" fill=\"#16181d\"");
      body += "<circle cx=\"" + num(margin + 5) + "\" cy=\"" + num(y + 12) + "\" r=\"3.5\" fill=\"#4a4d55\"/>\n";
      y += h + 10;
    }
    y += 14;
  }
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(W) + "\" height=\"" + num(H) + "\" viewBox=\"0 0 " + num(W) +
                  " " + num(H) + "\" font-family=\"DejaVu Sans, Verdana, sans-serif\" role=\"img\" aria-labelledby=\"t\">\n";
  s += "<title id=\"t\">" + escape(p.title) + "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" + body;
  std::string foot = p.footer;
  if (left_out)
    foot = (p.lang == Lang::Fr ? "(" + std::to_string(left_out) + " paragraphe" + (left_out > 1 ? "s" : "") + " de plus dans l’application) "
                               : "(" + std::to_string(left_out) + " more paragraph" + (left_out > 1 ? "s" : "") + " in the app) ") + foot;
  s += text_lines(wrap(foot, chars(8.6)), margin, H - margin, 22, "font-size=\"16\" fill=\"#4a4d55\"");
  return s + "</svg>\n";
}

}  // namespace sdw::svg
