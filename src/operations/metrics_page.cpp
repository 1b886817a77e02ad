// Putting the metrics page together.
#include "metrics_page.hpp"

#include "../../odb/job_state.hxx"
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

      e.family ("modforge_jobs", "gauge", "Jobs in the database, by status.");
      if (answered)
        for (const char* status: job_status_names)
        {
          double n (0);
          for (const stored_number& r: rows)
            if (r.name == "jobs" && r.label == status)
              n = r.value;
          e.sample ("modforge_jobs", {{"status", status}}, n);
        }

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
      from_rows ("mail_outbox", "state", "Messages in the mail outbox, by state.");
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
