// modforge-mod-samples: writes generated mod projects for the mods suite (tests/mods), through
// the same code as the worker.
//   modforge-mod-samples zip PROMPT FILE   the project the built-in analyser makes of PROMPT
//   modforge-mod-samples corpus DIR        one project zip per kind and ability the kind can
//                                          carry (and per kind none and four at once), going
//                                          through every material (and so tier) and level;
//                                          prints each zip's name, kind and abilities
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "../../src/generator/abilities.hpp"
#include "../../src/generator/analyser.hpp"
#include "../../src/generator/decisions.hpp"
#include "../../src/generator/fabric_project.hpp"
#include "../../src/generator/materials.hpp"
#include "../../src/generator/texture.hpp"

using namespace modforge;

namespace
{
  const char* const job_id = "3fa2c1d0-5b6e-4f70-8a9b-0c1d2e3f4a5b";

  void write (const decisions& d, const std::string& path)
  {
    write_fabric_project_zip (d, encode_png (draw_item_texture (d, 0)), path);
  }

  decisions sample (const std::string& kind, const std::vector<std::string>& abilities, int n)
  {
    decisions d;
    d.kind = kind;
    d.item_name = "Sample " + kind + " " + std::to_string (n);
    d.mod_name = d.item_name + " Mod";
    d.mod_id = unique_mod_id ("sample_" + kind + "_" + std::to_string (n), job_id);
    d.description = "A sample for the mods suite.";
    d.colours = {{200, 40, 40}, {60, 40, 30}};
    // Every material in turn (each repairs with its own Items constant), and none now and then.
    const std::vector<material>& all (all_materials ());
    d.material = n % (all.size () + 1) == all.size () ? "" : all[n % (all.size () + 1)].name;
    d.abilities = abilities;
    d.ability_level = 1 + n % 3;
    complete_decisions (d);
    return d;
  }

  int corpus (const std::string& dir)
  {
    int n (0);
    for (const std::string& kind: item_kinds ())
    {
      std::vector<std::vector<std::string>> sets {{}};
      std::vector<std::string> all;
      for (const ability& a: all_abilities ())
        if (kind_can_carry (kind, a.name))
        {
          sets.push_back ({a.name});
          all.push_back (a.name);
        }
      // Four at once, of different triggers where the kind has them.
      std::vector<std::string> four;
      for (std::size_t i (0); i < all.size () && four.size () < max_abilities; i += 3)
        four.push_back (all[i]);
      sets.push_back (four);

      for (const std::vector<std::string>& s: sets)
      {
        decisions d (sample (kind, s, n++));
        std::string path (dir + "/" + d.mod_id + ".zip");
        write (d, path);
        std::cout << d.mod_id << ".zip " << d.kind;
        for (const std::string& a: d.abilities)
          std::cout << ' ' << a;
        std::cout << '\n';
      }
    }
    return 0;
  }
}

int main (int argc, char* argv[])
{
  try
  {
    std::vector<std::string> args (argv + 1, argv + argc);
    if (args.size () == 3 && args[0] == "zip")
    {
      decisions d (analyse_builtin (args[1]));
      d.mod_id = unique_mod_id (mod_id_base (d.mod_id), job_id);
      write (d, args[2]);
      return 0;
    }
    if (args.size () == 2 && args[0] == "corpus")
      return corpus (args[1]);
    std::cerr << "usage: modforge-mod-samples zip PROMPT FILE | corpus DIR\n";
    return 2;
  }
  catch (const std::exception& e)
  {
    std::cerr << "modforge-mod-samples: " << e.what () << '\n';
    return 1;
  }
}
