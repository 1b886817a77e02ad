// Appending to a job's log.
#include "job_log.hpp"

#include <rapidjson/document.h>

#include "../common/clock.hpp"
#include "../common/json_writer.hpp"

namespace modforge
{
  void append_log (job& j, utc_time at, const std::string& message)
  {
    rapidjson::Document old;
    old.Parse (j.logs.c_str ());

    std::string out;
    json_writer w (out);
    w.begin_array ();
    if (old.IsArray ())
      for (const rapidjson::Value& e: old.GetArray ())
        w.value (e);
    w.begin_object ().member ("time", format_iso8601 (at)).member ("message", message)
      .end_object ();
    w.end_array ();
    j.logs = out;
  }
}
