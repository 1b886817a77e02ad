// Jobs, as the API sees them.
#include "job_service.hpp"

#include <rapidjson/document.h>

#include "../auth/user_quotas.hpp"
#include "../common/clock.hpp"
#include "../common/domain_error.hpp"
#include "../common/text_rules.hpp"
#include "../common/uuid.hpp"
#include "../db/job_store.hpp"
#include "../db/references.hpp"
#include "../db/session_store.hpp"
#include "download_name.hpp"
#include "job_quota.hpp"
#include "job_log.hpp"
#include "job_stages.hpp"

namespace modforge
{
  namespace
  {
    const std::size_t max_prompt_characters = 2000;

    domain_error job_not_found () {return not_found ("Job not found");}
    domain_error session_not_found () {return not_found ("Session not found");}

    domain_error job_busy (const std::string& message)
    {
      return domain_error (error_kind::conflict, "job_busy", message);
    }

    domain_error job_running (const job& j)
    {
      return job_busy (std::string ("The job is ") + to_string (j.status) +
                       "; try again when it has completed");
    }

    // Hands the job of `owner` back to the workers for `task`, counted against the owner's
    // quotas; they wake on the NOTIFY.
    void requeue (job& j, std::int64_t owner, job_task task, const std::string& why,
                  const quotas_config& quotas)
    {
      utc_time now (now_utc ());
      count_queued_job (owner, now, quotas);
      j.task = task;
      enter_status (j, job_status::queued);
      j.error.reset ();
      j.attempts = 0;
      j.lease_expires_at.reset ();
      j.started_at.reset ();
      j.finished_at.reset ();
      j.updated_at = now;
      append_log (j, now, why);
      job_store::update (j);
      job_store::notify_queued ();
    }

    // The zip's name from the stored result, or empty when there is none yet.
    std::string result_filename (const job& j)
    {
      if (j.result.null ())
        return std::string ();
      rapidjson::Document d;
      d.Parse (j.result.get ().c_str ());
      if (!d.IsObject () || !d.HasMember ("filename") || !d["filename"].IsString ())
        return std::string ();
      return d["filename"].GetString ();
    }
  }

  job_service::job_service (database& db, const jobs_config& c, const quotas_config& q)
      : db_ (db), config_ (c), quotas_ (q) {}

  std::string job_service::normalize_prompt (const std::string& raw)
  {
    const std::string most (std::to_string (max_prompt_characters));
    std::string p (trim (raw));
    if (p.empty ())
      throw invalid_input ("prompt is required (1-" + most + " characters)");
    // Line breaks and tabs are the only controls a prompt may hold.
    if (has_ascii_control (p, "\n\t\r"))
      throw invalid_input ("prompt must not contain control characters");
    if (count_code_points (p) > max_prompt_characters)
      throw invalid_input ("prompt must be at most " + most + " characters");
    return p;
  }

  queued_job job_service::create (const token_principal& p, const std::string& prompt,
                                  std::int64_t session_id)
  {
    job j;
    j.prompt = normalize_prompt (prompt);
    j.job_id = random_uuid ();
    enter_status (j, job_status::queued);
    j.task = job_task::generate;
    j.image_count = config_.image_count;

    std::int64_t target (session_id != 0 ? session_id : p.session_id);
    try
    {
      add_job (j, p, target);
    }
    catch (const std::exception& e)
    {
      // The session was deleted after it was looked up (or, for the token's own session,
      // after the request was authenticated): the job's foreign key refused it.
      if (!is_foreign_key_violation (e))
        throw;
      throw session_not_found ();
    }
    return queued_job {j.job_id, target};
  }

  void job_service::add_job (job& j, const token_principal& p, std::int64_t target)
  {
    db_.transact ([&]
    {
      utc_time now (now_utc ());
      // The quota lock, then the session kept from deletion until the job is in: the order of
      // every transaction that takes both.
      lock_quotas (p.user_id);
      if (session_store::find_owned_kept (target, p.user_id) == nullptr)
        throw session_not_found ();
      count_queued_job (p.user_id, now, quotas_);
      j.owner = user_ref (p.user_id);
      j.conversation = session_ref (target);
      j.created_at = j.updated_at = now;
      j.logs = "[]";
      append_log (j, now, "Queued");
      job_store::add (j);
      job_store::notify_queued ();
    });
  }

  job job_service::status (const token_principal& p, const std::string& job_id)
  {
    if (!is_uuid (job_id))
      throw job_not_found ();
    std::shared_ptr<job> j;
    db_.read_one ([&] {j = job_store::find_owned (job_id, p.user_id, false);});
    if (j == nullptr)
      throw job_not_found ();
    return *j;
  }

  job job_service::change_own_job (const token_principal& p, const std::string& job_id,
                                   const std::function<void (job&)>& change)
  {
    if (!is_uuid (job_id))
      throw job_not_found ();
    job r;
    db_.transact ([&]
    {
      // The quota lock before the job's: the order of every transaction that takes both.
      lock_quotas (p.user_id);
      std::shared_ptr<job> j (job_store::find_owned (job_id, p.user_id, true));
      if (j == nullptr)
        throw job_not_found ();
      change (*j);
      r = *j;
    });
    return r;
  }

  job job_service::select_image (const token_principal& p, const std::string& job_id,
                                 int index)
  {
    return change_own_job (p, job_id, [this, &p, index] (job& j)
    {
      if (j.status != job_status::completed)
        throw job_running (j);
      if (index < 0 || index >= j.images_ready)
        throw invalid_input ("index must be an integer from 0 to " +
                             std::to_string (j.images_ready - 1));
      j.selected_image = index;
      requeue (j, p.user_id, job_task::package,
               "Packaging again with image " + std::to_string (index), quotas_);
    });
  }

  job job_service::regenerate_images (const token_principal& p, const std::string& job_id,
                                      int count)
  {
    return change_own_job (p, job_id, [this, &p, count] (job& j)
    {
      if (j.status != job_status::completed && j.status != job_status::failed)
        throw job_running (j);
      if (j.decisions.null ())
        throw job_busy ("The job failed before its item was analysed; start a new one");
      // The new set starts after the old one, so that it differs from it.
      j.image_variant += j.image_count;
      if (count != 0)
        j.image_count = count;
      j.images_ready = 0;
      j.selected_image = 0;
      requeue (j, p.user_id, job_task::images,
               "Drawing " + std::to_string (j.image_count) + " new images", quotas_);
    });
  }

  job_file job_service::image (const token_principal& p, const std::string& job_id, int index)
  {
    job j (status (p, job_id));
    if (index < 0 || index >= j.images_ready)
      throw not_found ("Image not found");
    return job_file {job_files::image_name (j.id, j.files_claim, index),
                     "image-" + std::to_string (index) + ".png"};
  }

  job_file job_service::download (const token_principal& p, const std::string& filename)
  {
    std::string job_id;
    if (!parse_download_name (filename, job_id))
      throw not_found ("File not found");
    std::shared_ptr<job> j;
    db_.read_one ([&] {j = job_store::find_owned (job_id, p.user_id, false);});
    if (j == nullptr || result_filename (*j) != filename)
      throw not_found ("File not found");
    return job_file {job_files::zip_name (j->id, j->files_claim, filename), filename};
  }
}
