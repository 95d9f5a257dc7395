// The built-in gazetteer: indexer/data/gazetteer/*.tsv, concatenated in file
// name order and compiled into the library at build time (cmake/embed_text.cmake),
// so the binaries need no data files at run time.
#pragma once

#include <string_view>

namespace fahras::analysis {

std::string_view builtin_gazetteer_data();

}  // namespace fahras::analysis
