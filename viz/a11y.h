// Immediate-mode accessibility tree. While the canvas UI draws a frame it also says, through these calls,
// what a screen reader or a keyboard user should get: landmarks, headings, the answer sentence, figures,
// every chart as a data table, buttons and tabs (with where they sit on the canvas). At the end of the
// frame the tree is serialised; web/a11y.js mirrors it as real DOM (labelled controls that drive the app).
// Owns: the tree, its JSON form, pending activations from the DOM. Does not own: drawing (no ImGui here:
// the caller passes rectangles), the DOM (web/a11y.js), what any panel says.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sdw::a11y {

struct Rect {                          // where the control is on the canvas, CSS pixels
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// Starts a frame. `collect` false: the tree is not built this frame (calls are cheap no-ops) but
// activations requested from the DOM are still matched by button()/tab().
void begin_frame(bool collect);
bool collecting();

// Containers. role: "banner", "main", "complementary", "navigation", "tablist", "region", "list", "group", "dialog",
// "tabpanel". `key` must be stable from frame to frame (the DOM keeps focus on it).
void push(std::string_view role, std::string_view key, std::string_view label);
void pop();

void heading(int level, std::string_view text);
// kind: "p" (paragraph), "headline" (the stated answer), "note", "error", "warning", "status".
void text(std::string_view text, std::string_view kind = "p");
// A figure as "label: value" (a term and its definition).
void figure(std::string_view label, std::string_view value);
// A data table (a chart's data, a grid). Rows beyond `max_rows` are cut and the cut stated in the caption.
void table(std::string_view key, std::string_view caption, const std::vector<std::string>& headers,
           const std::vector<std::vector<std::string>>& rows, size_t max_rows = 400);
// A control. Returns true once when the DOM activated `action` (the caller then acts as for a click).
// role: "button", "tab", "link", "checkbox"; `state`: for tabs and toggles, selected / pressed / checked.
bool button(std::string_view action, std::string_view label, Rect r, std::string_view role = "button",
            bool state = false, std::string_view description = {});
// A text field (a purpose, a district, a price): the DOM shows a labelled <input>; when the person edits it
// there, `value` receives the new text and the result is true (the caller then acts as for an edit on the
// canvas). `value` is also what the DOM field shows while it does not have focus.
bool field(std::string_view action, std::string_view label, std::string& value, Rect r);
// A polite announcement for the live region (progress, completion). Repeated identical texts are said once.
void announce(std::string_view text);

// Ends the frame: when the tree was collected and differs from the last one published, `json` gets the
// new tree and the result is true. The format: {"lang":…, "title":…, "nodes":[{"t":type,"k":key,…,"c":[…]}],
// "live":…} (see web/a11y.js).
bool end_frame(std::string& json, std::string_view lang, std::string_view title);

// From the DOM: activate `action` (matched by the next frame that draws it; dropped after a few frames).
void request(std::string_view action);
// From the DOM: the text of field `action` was edited to `value`.
void request_value(std::string_view action, std::string_view value);
// Actions requested but not drawn yet (tests).
size_t pending();

}  // namespace sdw::a11y
