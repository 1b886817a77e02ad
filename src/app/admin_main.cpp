// modforge-admin: the operator's commands. This file parses the command line and prints; the
// rules are in src/admin/ (accounts and stats), src/db/schema (migrate) and
// src/jobs/file_sweeper and src/admin/record_pruner (sweep).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

#include "../admin/admin_context.hpp"
#include "../admin/exit_codes.hpp"
#include "../admin/password_input.hpp"
#include "../admin/record_pruner.hpp"
#include "../admin/text_table.hpp"
#include "../common/clock.hpp"
#include "../common/domain_error.hpp"
#include "../common/config.hpp"
#include "../common/log.hpp"
#include "../db/database.hpp"
#include "../db/schema.hpp"
#include "../jobs/file_sweeper.hpp"
#include "../jobs/job_files.hpp"
#include "service_set.hpp"

namespace
{
  using namespace modforge;

  // The command line does not fit the command.
  struct usage_error: std::runtime_error
  {
    explicit usage_error (const std::string& m): std::runtime_error (m) {}
  };

  typedef std::vector<std::string> arguments; // those after the command's name

  void expect_no_arguments (const arguments& a)
  {
    if (!a.empty ())
      throw usage_error ("unexpected argument '" + a[0] + "'");
  }

  void expect_one_user (const arguments& a)
  {
    if (a.size () != 1)
      throw usage_error (a.empty () ? "which user? (a username, an email or #<id>)"
                                    : "one user at a time");
  }

  // A whole number given to `option`, from `low` to `high`.
  std::size_t parse_number (const std::string& option, const std::string& text,
                            std::size_t low, std::size_t high)
  {
    bool digits (!text.empty () && text.size () <= 9 &&
                 text.find_first_not_of ("0123456789") == std::string::npos);
    std::size_t n (digits ? std::stoul (text) : 0);
    if (!digits || n < low || n > high)
      throw usage_error (option + " takes a whole number from " + std::to_string (low) + " to " +
                         std::to_string (high) + ", not '" + text + "'");
    return n;
  }

  std::string describe (const user& u)
  {
    return "#" + std::to_string (u.id) + " " + u.username + " <" + u.email + ">";
  }

  std::string tokens (std::size_t n)
  {
    return std::to_string (n) + (n == 1 ? " token" : " tokens");
  }

  int migrate (const arguments& a)
  {
    expect_no_arguments (a);
    database db (load_config ().database, 1, round_trips::unbounded);
    std::uint64_t from (0), to (0);
    switch (migrate_schema (db, from, to))
    {
    case migration::created:
      std::cout << "created the schema at version " << to << std::endl;
      break;
    case migration::migrated:
      std::cout << "migrated the schema from version " << from << " to " << to << std::endl;
      break;
    case migration::unchanged:
      std::cout << "the schema is already at version " << to << std::endl;
      break;
    }
    return 0;
  }

  // Everything a program checks of the configuration at start, without touching the database.
  int check_config (const arguments& a)
  {
    expect_no_arguments (a);
    try
    {
      check_service_settings (load_config ());
    }
    catch (const std::runtime_error& e)
    {
      std::cerr << "modforge-admin: " << e.what () << std::endl;
      return exit_bad_configuration;
    }
    const char* named (std::getenv ("MODFORGE_CONFIG"));
    std::cout << "the configuration is valid ("
              << (named != nullptr ? named : "/etc/modforge/modforge.conf") << ")" << std::endl;
    return 0;
  }

  int sweep (const arguments& a)
  {
    bool dry_run (false);
    for (const std::string& s: a)
    {
      if (s != "--dry-run")
        throw usage_error ("unexpected argument '" + s + "'");
      dry_run = true;
    }
    admin_context c;
    sweep_report r (sweep_files (c.db, c.files, dry_run));
    std::cout << (dry_run ? "would remove: " : "removed: ") << r.orphan_folders
              << " folders of deleted jobs, " << r.stray_entries << " stray entries, "
              << r.stale_temporaries << " stale temporary files, " << r.superseded
              << " superseded claim folders or files (" << r.job_folders
              << " job folders looked at)" << std::endl;
    prune_report p (prune_records (c.db, c.settings, dry_run));
    std::cout << (dry_run ? "would prune: " : "pruned: ") << p.throttle_counters
              << " throttle counters, " << p.known_addresses << " known login addresses, "
              << p.security_events << " security log entries" << std::endl;
    return 0;
  }

  // The password of create-user and set-password: from standard input, never the command line.
  bool read_password (std::string& password)
  {
    password_input p (read_new_password (STDIN_FILENO, STDERR_FILENO));
    if (!p.ok)
      std::cerr << "modforge-admin: " << p.problem << std::endl;
    password = p.password;
    return p.ok;
  }

  int create_user (const arguments& a)
  {
    if (a.size () > 2)
      throw usage_error ("too many arguments: the password is read from standard input, "
                         "never from the command line");
    if (a.size () < 2)
      throw usage_error ("a new user needs a USERNAME and an EMAIL");
    admin_context c;
    std::string password;
    if (!read_password (password))
      return exit_invalid_input;
    std::cout << c.admin.create_user (a[0], a[1], password).id << std::endl;
    return 0;
  }

  int set_active (const arguments& a, bool active)
  {
    expect_one_user (a);
    admin_context c;
    admin_result r (c.admin.set_active (a[0], active));
    bool changed (r.outcome == admin_outcome::done);
    std::string who (describe (r.account));
    if (active)
      std::cout << (changed ? "enabled user " + who : "user " + who + " is already enabled");
    else
      std::cout << (changed ? "disabled user " + who : "user " + who + " was already disabled")
                << "; revoked " << tokens (r.revoked_tokens);
    std::cout << std::endl;
    return 0;
  }

  int disable_user (const arguments& a) {return set_active (a, false);}
  int enable_user (const arguments& a) {return set_active (a, true);}

  int revoke_tokens (const arguments& a)
  {
    expect_one_user (a);
    admin_context c;
    admin_result r (c.admin.revoke_tokens (a[0]));
    std::cout << "revoked " << tokens (r.revoked_tokens) << " of user " << describe (r.account)
              << std::endl;
    return 0;
  }

  int set_password (const arguments& a)
  {
    if (a.size () > 1)
      throw usage_error ("one user at a time: the password is read from standard input, "
                         "never from the command line");
    expect_one_user (a);
    admin_context c;
    std::string password;
    if (!read_password (password))
      return exit_invalid_input;
    admin_result r (c.admin.set_password (a[0], password));
    std::cout << "set the password of user " << describe (r.account) << "; revoked "
              << tokens (r.revoked_tokens) << "; a notice is queued for " << r.account.email
              << std::endl;
    return 0;
  }

  int send_reset (const arguments& a)
  {
    expect_one_user (a);
    admin_context c;
    admin_result r (c.admin.send_reset (a[0]));
    std::cout << "queued a password reset mail to " << r.account.email << " for user "
              << describe (r.account) << std::endl;
    return 0;
  }

  int list_users (const arguments& a)
  {
    std::size_t limit (50), offset (0);
    for (std::size_t i (0); i < a.size (); ++i)
    {
      // --limit N or --limit=N
      std::string option (a[i]), value;
      std::size_t eq (option.find ('='));
      if (eq != std::string::npos)
      {
        value = option.substr (eq + 1);
        option.erase (eq);
      }
      if (option != "--limit" && option != "--offset")
        throw usage_error ("unexpected argument '" + a[i] + "'");
      if (eq == std::string::npos)
      {
        if (i + 1 == a.size ())
          throw usage_error (option + " needs a number");
        value = a[++i];
      }
      if (option == "--limit")
        limit = parse_number (option, value, 1, 1000);
      else
        offset = parse_number (option, value, 0, 999999999);
    }

    admin_context c;
    std::vector<std::vector<std::string>> rows {
      {"id", "username", "email", "active", "created_at", "sessions", "jobs"}};
    for (const user_summary& u: c.admin.list_users (limit, offset))
      rows.push_back ({std::to_string (u.id), u.username, u.email, u.is_active ? "yes" : "no",
                       format_iso8601 (u.created_at), std::to_string (u.session_count),
                       std::to_string (u.job_count)});
    std::cout << format_table (rows, {true, false, false, false, false, true, true});
    return 0;
  }

  int stats (const arguments& a)
  {
    expect_no_arguments (a);
    admin_context c;
    service_stats s (c.admin.stats ());
    std::int64_t jobs (0);
    for (const job_status_count& j: s.jobs)
      jobs += j.total;
    std::cout << "users.total: " << s.users.total << "\n"
              << "users.active: " << s.users.active << "\n"
              << "sessions: " << s.sessions << "\n"
              << "tokens: " << s.tokens << "\n"
              << "jobs.total: " << jobs << "\n";
    for (const job_status_count& j: s.jobs)
      std::cout << "jobs." << j.status << ": " << j.total << "\n";
    for (const outbox_state_count& m: s.mail)
      std::cout << "mail." << m.state << ": " << m.total << "\n";
    std::cout << "files.count: " << s.files.files << "\n"
              << "files.bytes: " << s.files.bytes << std::endl;
    return 0;
  }

  struct command
  {
    const char* name;
    const char* synopsis;   // what follows the name
    const char* summary;    // one line for the list of commands
    const char* details;    // the rest of `COMMAND --help`
    int (*run) (const arguments&);
  };

  const command commands[] = {
    {"migrate", "", "create the schema in an empty database, or upgrade it",
     "Creates the schema in an empty database, or upgrades it to this program's version, in one\n"
     "transaction under a lock (two runs cannot interleave).\n"
     "exit codes: 0 done (or nothing to do), 1 error, 2 usage, 3 the database is newer than\n"
     "this program, 4 it is older than the oldest version this program migrates from\n",
     migrate},
    {"check-config", "", "check the configuration without connecting",
     "Reads the configuration as the programs do at start (the file, MODFORGE_ variables, the\n"
     "password file) and checks every key, without connecting to the database. Prints\n"
     "\"the configuration is valid\", or what is wrong, naming the key (or the file's line).\n"
     "exit codes: 0 valid, 2 usage, 8 not valid\n",
     check_config},
    {"sweep", "[--dry-run]", "remove files no job owns, and rows past their keeping time",
     "Removes what no job owns under <data_dir>/files: folders of deleted jobs, stray entries,\n"
     "temporary files older than 10 minutes. Then prunes throttle counters whose window and\n"
     "lock have passed, known login addresses older than throttle.known_address_age and\n"
     "security log entries older than security.event_retention. --dry-run only counts them.\n"
     "exit codes: 0 done, 1 error, 2 usage, 3/4 schema of another version\n",
     sweep},
    {"create-user", "USERNAME EMAIL", "create an account; prints its id",
     "Creates an account under the rules of registration through the API (a username of\n"
     "3-50 of [A-Za-z0-9_.-], a valid email, a password of security.password_min_length (8)\n"
     "to 72 bytes that is neither of them) and prints the new user's id.\n"
     "The password is never taken from the command line: it is the first line of standard\n"
     "input, or, from a terminal, typed twice without echo.\n"
     "  printf '%s\\n' \"$PASSWORD\" | modforge-admin create-user alice alice@example.com\n"
     "exit codes: 0 created, 1 error, 2 usage, 3/4 schema of another version,\n"
     "6 the username or email already exists, 7 a bad username, email or password\n",
     create_user},
    {"disable-user", "USER", "disable an account and revoke all its tokens",
     "Disables the account (it can no longer log in; its tokens stop working at once) and\n"
     "revokes all its tokens. Disabling a disabled account is not an error.\n"
     "USER is a username (any case), an email, or #<id>.\n"
     "exit codes: 0 done, 1 error, 2 usage, 3/4 schema of another version, 5 no such user,\n"
     "7 a malformed #<id>\n",
     disable_user},
    {"enable-user", "USER", "enable a disabled account",
     "Enables the account again (its revoked tokens stay revoked: the user logs in again).\n"
     "Enabling an enabled account is not an error.\n"
     "USER is a username (any case), an email, or #<id>.\n"
     "exit codes: 0 done, 1 error, 2 usage, 3/4 schema of another version, 5 no such user,\n"
     "7 a malformed #<id>\n",
     enable_user},
    {"list-users", "[--limit N] [--offset N]", "list accounts, newest first",
     "Lists accounts, newest first: id, username, email, active, created_at (UTC), sessions,\n"
     "jobs. --limit: 1-1000 (default 50); --offset: how many to skip (default 0).\n"
     "exit codes: 0 done, 1 error, 2 usage, 3/4 schema of another version\n",
     list_users},
    {"revoke-tokens", "USER", "log an account out everywhere",
     "Deletes every token of the account and prints how many there were; its sessions and\n"
     "jobs stay. USER is a username (any case), an email, or #<id>.\n"
     "exit codes: 0 done, 1 error, 2 usage, 3/4 schema of another version, 5 no such user,\n"
     "7 a malformed #<id>\n",
     revoke_tokens},
    {"set-password", "USER", "set an account's password; revokes all its tokens",
     "Sets the password of the account under the rules of registration, revokes all its\n"
     "tokens, voids the reset links mailed before and queues a notice to its address.\n"
     "The password is never taken from the command line: it is the first line of standard\n"
     "input, or, from a terminal, typed twice without echo.\n"
     "USER is a username (any case), an email, or #<id>.\n"
     "  printf '%s\\n' \"$PASSWORD\" | modforge-admin set-password alice\n"
     "exit codes: 0 done, 1 error, 2 usage, 3/4 schema of another version, 5 no such user,\n"
     "7 a bad password or #<id>\n",
     set_password},
    {"send-reset", "USER", "mail an account a password reset link",
     "Queues a password reset mail to the account's address, as \"Forgot password?\" does\n"
     "but without its limits (a disabled account is refused: exit 1). The worker delivers it.\n"
     "USER is a username (any case), an email, or #<id>.\n"
     "exit codes: 0 queued, 1 error, 2 usage, 3/4 schema of another version, 5 no such user,\n"
     "7 a malformed #<id>\n",
     send_reset},
    {"stats", "", "count users, sessions, tokens, jobs, mail and files",
     "Prints one \"name: number\" line each: users (total, active), sessions, tokens, jobs\n"
     "(total and by status), the mail outbox by state (queued, sending, sent, failed) and\n"
     "the files directory's regular files and their bytes.\n"
     "exit codes: 0 done, 1 error, 2 usage, 3/4 schema of another version\n",
     stats},
  };

  std::string synopsis (const command& c)
  {
    return std::string ("modforge-admin ") + c.name + (*c.synopsis ? " " : "") + c.synopsis;
  }

  // debian/modforge-admin.8 is the full account of the commands, options and exit codes; tests/man
  // checks that this text and each command's --help say the same.
  std::string usage ()
  {
    std::string s ("usage: modforge-admin COMMAND [ARGUMENTS]\n"
                   "       modforge-admin COMMAND --help\n"
                   "       modforge-admin --help\n\ncommands:\n");
    for (const command& c: commands)
    {
      std::string left (std::string (c.name) + " " + c.synopsis);
      s += "  " + left + (left.size () < 28 ? std::string (28 - left.size (), ' ')
                                             : "\n" + std::string (30, ' ')) + c.summary + "\n";
    }
    return s +
      "\nUSER is a username (any case), an email, or #<id>.\n"
      "\n"
      "options:\n"
      "  --help, -h                  this list; after a command, that command's usage\n"
      "\n"
      "environment:\n"
      "  MODFORGE_CONFIG             the configuration file (default /etc/modforge/modforge.conf)\n"
      "  MODFORGE_<SECTION>_<KEY>    overrides that key of the configuration\n"
      "\n"
      "exit codes: 0 success, 1 error (e.g. database unreachable), 2 usage,\n"
      "            3 database schema newer than this program, 4 too old (to migrate from,\n"
      "            or to use before 'migrate'), 5 no such user, 6 already exists,\n"
      "            7 invalid username, email, password or #<id>,\n"
      "            8 the configuration is not valid (check-config)\n"
      "\n"
      "\n"
      "See modforge-admin(8).\n";
  }

  // Runs the command and turns what it throws into a message and an exit code.
  int run (const command& c, const arguments& a)
  {
    try
    {
      return c.run (a);
    }
    catch (const usage_error& e)
    {
      std::cerr << "modforge-admin " << c.name << ": " << e.what () << "\nusage: "
                << synopsis (c) << "\n(" << "modforge-admin " << c.name
                << " --help says more)" << std::endl;
      return exit_usage;
    }
    catch (const schema_mismatch& e)
    {
      std::cerr << "modforge-admin: " << e.what () << std::endl;
      return exit_code_of (e.state);
    }
    catch (const domain_error& e)
    {
      std::cerr << "modforge-admin: "
                << (e.kind == error_kind::unavailable ? "cannot reach the database: " : "")
                << e.what () << std::endl;
      return exit_code_of (e.kind);
    }
    catch (const std::exception& e)
    {
      std::cerr << "modforge-admin: " << e.what () << std::endl;
      return exit_error;
    }
  }

  bool is_help (const std::string& s) {return s == "--help" || s == "-h";}
}

int main (int argc, char* argv[])
{
  set_log_program ("modforge-admin");
  arguments args (argv + 1, argv + argc);
  if (!args.empty () && is_help (args[0]))
  {
    std::cout << usage ();
    return 0;
  }
  for (const command& c: commands)
  {
    if (args.empty () || args[0] != c.name)
      continue;
    arguments rest (args.begin () + 1, args.end ());
    if (std::any_of (rest.begin (), rest.end (), is_help))
    {
      std::cout << "usage: " << synopsis (c) << "\n\n" << c.details;
      return 0;
    }
    return run (c, rest);
  }
  if (!args.empty ())
    std::cerr << "modforge-admin: unknown command '" << args[0] << "'\n";
  std::cerr << usage ();
  return exit_usage;
}
