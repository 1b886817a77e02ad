// Decisions for the generator's tests: the first six members given, the rest derived as an
// analyser answer's would be.
#pragma once

#include <string>
#include <vector>

#include "../../../src/generator/decisions.hpp"

namespace modforge_test
{
  inline modforge::decisions sample_decisions (const std::string& item_name,
                                                  const std::string& mod_name,
                                                  const std::string& mod_id,
                                                  const std::string& description,
                                                  const std::string& kind,
                                                  const std::vector<modforge::rgb>& colours)
  {
    modforge::decisions d;
    d.item_name = item_name;
    d.mod_name = mod_name;
    d.mod_id = mod_id;
    d.description = description;
    d.kind = kind;
    d.colours = colours;
    modforge::complete_decisions (d);
    return d;
  }
}
