#include "ingest/html.h"

#include "analysis/passages.h"

#include <gumbo.h>

#include <cstring>

namespace fahras::ingest {
namespace {

bool skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEMPLATE:
      return true;
    default:
      return false;
  }
}

bool block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TD:
      return true;
    default:
      return false;
  }
}

// Visible text under `node`, words separated by single spaces.
void text_of(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
  if (skipped(node->v.element.tag)) return;
  if (node->v.element.tag == GUMBO_TAG_BR) out.push_back(' ');
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) text_of(static_cast<const GumboNode*>(children.data[i]), out);
}

std::string clean(const std::string& s) {
  // Collapse runs of whitespace (newlines inside a paragraph included).
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return std::string(analysis::trim(out));
}

const char* attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

struct Walk {
  HtmlArticle article;
  std::string h1, title;
  bool any_block = false;

  void visit(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboTag tag = node->v.element.tag;
    if (skipped(tag)) return;
    if (tag == GUMBO_TAG_TITLE && title.empty()) {
      std::string t;
      text_of(node, t);
      title = clean(t);
      return;
    }
    if (tag == GUMBO_TAG_META && article.date.empty()) {
      const char* property = attribute(node, "property");
      if (property == nullptr) property = attribute(node, "name");
      const char* content = attribute(node, "content");
      if (property && content && std::strcmp(property, "article:published_time") == 0) article.date = content;
    }
    if (tag == GUMBO_TAG_TIME && article.date.empty()) {
      if (const char* dt = attribute(node, "datetime")) article.date = dt;
    }
    if (tag == GUMBO_TAG_H1 && h1.empty()) {
      std::string t;
      text_of(node, t);
      h1 = clean(t);
      return;
    }
    if (block(tag)) {
      std::string t;
      text_of(node, t);
      const std::string p = clean(t);
      if (!p.empty()) {
        article.text += p;
        article.text += "\n\n";
        any_block = true;
      }
      return;  // a block inside a block (li > p) is taken once
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) visit(static_cast<const GumboNode*>(children.data[i]));
  }
};

const GumboNode* find_body(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (node->v.element.tag == GUMBO_TAG_BODY) return node;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    if (const GumboNode* b = find_body(static_cast<const GumboNode*>(children.data[i]))) return b;
  return nullptr;
}

}  // namespace

HtmlArticle parse_html(std::string_view html) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  Walk walk;
  walk.visit(output->root);
  if (!walk.any_block) {  // no paragraphs: the visible text of the body
    if (const GumboNode* body = find_body(output->root)) {
      std::string t;
      text_of(body, t);
      walk.article.text = clean(t);
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  walk.article.title = !walk.h1.empty() ? walk.h1 : walk.title;
  while (!walk.article.text.empty() && walk.article.text.back() == '\n') walk.article.text.pop_back();
  return walk.article;
}

}  // namespace fahras::ingest
