// Small pieces every panel of the app shares: the fonts and pixel ratio, the theme's colours, and the
// accessible twin of an ImGui control (viz/a11y.h) placed where ImGui just drew it. Implemented in
// wasm/app_main.cpp (which owns fonts and style).
// Does not own: any panel's content.
#pragma once
#include <string>
#include <string_view>

#include "imgui.h"
#include "viz/a11y.h"
#include "viz/locale.h"

namespace sdw::ui {

float dpr();                      // device pixels per CSS pixel (× nothing: text size is in the fonts)
ImFont* font_big();               // the answer sentence's size (≈ 1.4 × body)
ImFont* font_mono();
bool light_theme();               // the theme in use is light (charts pick their ink accordingly)
ImVec4 color_accent();            // headings
ImVec4 color_dim();               // secondary text, still ≥ 4.5:1 on the window background
ImVec4 color_ok();
ImVec4 color_warn();
ImVec4 color_error();

// The last ImGui item's rectangle in CSS pixels.
a11y::Rect last_rect();
// The accessible twin of the ImGui control just drawn: returns true once when it was activated from the
// DOM (keyboard, screen reader). Call it right after the ImGui item (see button() below).
bool ax(std::string_view action, std::string_view label, std::string_view role = "button", bool state = false,
        std::string_view description = {});
// ImGui::Button(label, size) then its accessible twin (in that order): true when either was activated.
bool button(const char* label, std::string_view action, std::string_view a11y_label, ImVec2 size = ImVec2(0, 0));
// Records the last item's rectangle for the test API under `name` (tests click there as a person would).
void record(const std::string& name);

// The accessible twin of a text field (call right after the ImGui input): true when the person edited it
// in the DOM, `buf` then holds the new text.
bool ax_field(std::string_view action, std::string_view label, char* buf, size_t size);
// A number field written as the language writes numbers ("0,2516" in French, "0.2516" in English); a
// comma or a point is accepted either way, spaces ignored. True when the user changed the value.
bool input_number(const char* label, float* v, int decimals, Lang lang);
// Text wrapped at spaces only (never after the comma of "5 860,1"), drawn as one item.
void text_wrapped(const std::string& s, const ImVec4* color = nullptr);
// The answer sentence in large type, then its yearly pace, comparison, note and a "how it is computed"
// section one click away; everything also published to the accessible layer (the headline as such).
void headline(Lang l, const std::string& id, const std::string& sentence, const std::string& yearly,
              const std::string& comparison, const std::string& note, const std::string& method);

}  // namespace sdw::ui
