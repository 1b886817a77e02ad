// Putting the metrics page together.
#include "metrics_page.hpp"

#include "../../odb/job_state.hxx"
#include "../../odb/mail_state.hxx"
#include "../common/domain_error.hpp"
#include "../db/status_store.hpp"
#include "../metrics/exposition.hpp"

namespace modforge
{
  namespace
  {
    // The gauges read from PostgreSQL, each family with its samples (none while it is away).
    void write_gauges (exposition& e, const std::vector<stored_number>& rows, bool answered)
    {
      e.family ("modforge_database_up", "gauge",
                "1 if PostgreSQL answered this scrape's query, else 0.");
      e.sample ("modforge_database_up", {}, static_cast<std::uint64_t> (answered ? 1 : 0));

      // A sample for each value of the label, 0 where no row names it, so that an alert on
      // one value (failed mail) sees a series from the start.
      auto by_value = [&] (const std::string& name, const char* label, const char* const* values,
                           std::size_t count, const std::string& help)
      {
        e.family ("modforge_" + name, "gauge", help);
        if (!answered)
          return;
        for (std::size_t i (0); i != count; ++i)
        {
          double n (0);
          for (const stored_number& r: rows)
            if (r.name == name && r.label == values[i])
              n = r.value;
          e.sample ("modforge_" + name, {{label, values[i]}}, n);
        }
      };
      by_value ("jobs", "status", job_status_names,
                sizeof job_status_names / sizeof *job_status_names,
                "Jobs in the database, by status.");
      by_value ("mail_outbox", "state", outbox_state_names,
                sizeof outbox_state_names / sizeof *outbox_state_names,
                "Messages in the mail outbox, by state.");

      // These take their samples from the rows that name them.
      auto from_rows = [&] (const std::string& name, const char* label, const std::string& help)
      {
        e.family ("modforge_" + name, "gauge", help);
        for (const stored_number& r: rows)
          if (r.name == name)
            e.sample ("modforge_" + name,
                      r.label.empty () ? metric_labels {} : metric_labels {{label, r.label}},
                      r.value);
      };
      from_rows ("oldest_queued_job_age_seconds", "",
                 "Seconds since the oldest job still queued was made; 0 when none is queued.");
    }
  }

  metrics_page::metrics_page (database& db, const request_metrics& r, const metrics_config& c)
      : db_ (db), requests_ (r), jobs_ (c.directory) {}

  std::string metrics_page::render ()
  {
    exposition e;
    requests_.write (e);
    jobs_.write (e);
    std::vector<stored_number> rows;
    bool answered (true);
    try
    {
      db_.read_one ([&rows] {rows = status_store::gauges ();});
    }
    catch (const domain_error& ex)
    {
      if (ex.kind != error_kind::unavailable)
        throw;
      answered = false;
    }
    write_gauges (e, rows, answered);
    return e.text ();
  }
}
