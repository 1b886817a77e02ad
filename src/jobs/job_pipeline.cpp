// The stages of a job.
#include "job_pipeline.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include "../common/clock.hpp"
#include "../common/json_writer.hpp"
#include "../common/log.hpp"
#include "../generator/analyser.hpp"
#include "../generator/decisions.hpp"
#include "../generator/fabric_project.hpp"
#include "../generator/texture.hpp"
#include "download_name.hpp"
#include "job_log.hpp"
#include "job_stages.hpp"
#include "stage_failure.hpp"

namespace modforge
{
  namespace
  {
    // Thrown when the job stopped being ours mid-way: nothing more is written for it.
    struct job_lost {};

    void check (bool still_ours)
    {
      if (!still_ours)
        throw job_lost ();
    }
  }

  std::vector<earlier_job> job_pipeline::history_of (const claimed_job& c)
  {
    std::vector<earlier_job> history;
    for (const job_summary& j: queue_.history (c, max_history_jobs))
      try
      {
        history.push_back (earlier_job {j.prompt, decisions_from_json (j.decisions.get ())});
      }
      catch (const generator_error&)
      {
        // Stored by an older modforge, or damaged: the conversation goes on without it.
      }
    return history;
  }

  job_pipeline::job_pipeline (job_queue& q, const job_files& f, const jobs_config& c)
      : queue_ (q), files_ (f), config_ (c) {}

  job_pipeline::outcome job_pipeline::run (const claimed_job& c)
  {
    try
    {
      stages (c);
      return outcome::completed;
    }
    catch (const job_lost&)
    {
      // Deleted with its session while we worked: what we wrote since has no owner.
      if (!queue_.exists (c.id))
        files_.remove_after_delete ({c.id});
      return outcome::lost;
    }
    catch (...)
    {
      stage_failure f (judge_stage_failure (std::current_exception ()));
      if (f.retry_later)
        throw;
      if (!f.log.empty ())
        log_error ("job " + c.job_id + ": " + f.log);
      return queue_.fail (c, f.error) ? outcome::failed : outcome::lost;
    }
  }

  void job_pipeline::stages (const claimed_job& c)
  {
    decisions d;
    if (c.task == job_task::generate)
    {
      std::vector<earlier_job> history (history_of (c));
      d = config_.analyser_command.empty ()
          ? analyse_builtin (c.prompt, history)
          : analyse_with_command (config_.analyser_command, c.prompt, history,
                                  config_.analyser_timeout_seconds);
      // Two players' frost swords install side by side; no prompt gets a reserved id.
      d.mod_id = unique_mod_id (mod_id_base (d.mod_id), c.job_id);
      std::string json (decisions_to_json (d));
      check (queue_.update (c, [&] (job& j)
      {
        j.decisions = json;
        enter_status (j, job_status::generating);
        append_log (j, now_utc (), "Decided on \"" + d.item_name + "\" (" + d.kind + ", mod id " +
                                   d.mod_id + ")");
      }));
    }
    else
      d = decisions_from_json (c.decisions.get ());

    int selected (c.selected_image);
    // Every file goes into this claim's own folder, which starts as the published set. Clients
    // see it once an update that passes the claim check publishes it: a worker whose lease ran
    // out writes only where nobody looks.
    files_.make_claim_dir (c.id, c.claim, c.files_claim);
    if (c.task != job_task::package)
    {
      for (int i (0); i < c.image_count; ++i)
      {
        texture t (draw_item_texture (d, static_cast<unsigned> (c.image_variant + i)));
        job_files::write_atomically (files_.path (job_files::image_name (c.id, c.claim, i)),
                                     encode_png (t));
      }
      // A smaller new set leaves no old image behind.
      for (int i (c.image_count); i < max_image_count; ++i)
        unlink (files_.path (job_files::image_name (c.id, c.claim, i)).c_str ());
      selected = 0;
      check (queue_.update (c, [&] (job& j)
      {
        j.images_ready = c.image_count;
        j.selected_image = 0;
        j.files_claim = c.claim;
        enter_status (j, job_status::packaging);
        append_log (j, now_utc (), "Drew " + std::to_string (c.image_count) +
                                   " candidate images");
      }));
    }

    std::string png (job_files::read (files_.path (job_files::image_name (c.id, c.claim,
                                                                          selected))));
    std::string filename (download_name (d.mod_id, c.job_id));
    std::string path (files_.path (job_files::zip_name (c.id, c.claim, filename)));
    // libzip writes a temporary file and renames it on close: a download never sees half a zip.
    write_fabric_project_zip (d, png, path);
    struct stat st;
    if (stat (path.c_str (), &st) != 0)
      throw std::runtime_error ("the zip vanished after it was written");

    std::string result;
    json_writer w (result);
    w.begin_object ().member ("filename", filename)
      .member ("size", static_cast<std::int64_t> (st.st_size)).end_object ();
    check (queue_.complete (c, result, "Packaged " + filename + " with image " +
                                       std::to_string (selected) + " (" +
                                       std::to_string (st.st_size) + " bytes)"));
  }
}
