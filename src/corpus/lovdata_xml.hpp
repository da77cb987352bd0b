// The few pugixml helpers every reader of Lovdata's XHTML needs (the
// importer of laws, the reader of Lovtidend's amending acts).
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace lovsjekk::corpus {

/// True when `cls` is one of the element's space-separated classes.
bool has_class(pugi::xml_node n, std::string_view cls);
bool is_tag(pugi::xml_node n, const char* tag);
/// The text of `n` in document order, whitespace collapsed, without
/// amendment notes and footnotes; with `skip_lists`, without ordered lists.
std::string text_of(pugi::xml_node n, bool skip_lists = false);

}  // namespace lovsjekk::corpus
