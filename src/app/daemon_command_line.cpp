// The command line of modforge-fcgi and modforge-worker.
#include "daemon_command_line.hpp"

#include <iostream>
#include <string>

namespace modforge
{
  namespace
  {
    const int exit_success = 0;
    const int exit_usage = 2;

    // debian/modforge-fcgi.8 and modforge-worker.8 say the same at length (tests/man keeps them
    // in step with this text).
    std::string help (const daemon_description& d)
    {
      std::string program (d.program);
      return "usage: " + program + "\n"
        "       " + program + " --help\n"
        "\n" + d.about +
        "See " + program + "(8).\n"
        "\n"
        "options:\n"
        "  --help, -h                  print this and exit\n"
        "\n"
        "environment:\n"
        "  MODFORGE_CONFIG             the configuration file (default /etc/modforge/modforge.conf)\n"
        "  MODFORGE_<SECTION>_<KEY>    overrides that key of the configuration\n"
        "\n"
        "signals:\n" + d.signals +
        "\n"
        "exit codes: 0 stopped by a signal, 1 error at start (configuration, or a database schema\n"
        "            of another version), 2 usage\n";
    }
  }

  bool accept_daemon_command_line (int argc, char* argv[], const daemon_description& d,
                                   int& exit_status)
  {
    if (argc <= 1)
      return true;
    std::string first (argv[1]);
    if (argc == 2 && (first == "--help" || first == "-h"))
    {
      std::cout << help (d);
      exit_status = exit_success;
      return false;
    }
    std::cerr << d.program << ": unexpected argument '" << first << "' (" << d.program
              << " --help says more)" << std::endl;
    exit_status = exit_usage;
    return false;
  }
}
