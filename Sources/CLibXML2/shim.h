// libxml2's HTML parser, used by WatchpostCore's HTMLCleaner (a system library: libxml2-dev).
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, whose headers clash with Foundation's own ICU copy
// ("UErrorCode has different definitions"). We never touch libxml2's ICU converters, so
// hide them from this module.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
