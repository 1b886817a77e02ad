// The job endpoints: generate-mod, status, select-image, regenerate-images, images, downloads.
#include "routes.hpp"

#include "../common/domain_error.hpp"
#include "../http/json.hpp"
#include "json_views.hpp"

namespace modforge
{
  namespace
  {
    // nginx sends the file from its internal /_files/ location once the handler has checked
    // that the caller owns it; the handler answers only this head. Content-Type comes from the
    // types of that location.
    response file_response (const job_file& f, bool attachment)
    {
      response r;
      r.headers.emplace_back ("X-Accel-Redirect", "/_files/" + f.relative_path);
      if (attachment)
        // The name is a mod id, a UUID and ".zip": nothing in it needs quoting.
        r.headers.emplace_back ("Content-Disposition",
                                "attachment; filename=\"" + f.filename + "\"");
      return r;
    }

    response accepted (const job& j, const char* message)
    {
      return success_response (202, [&] (json_writer& w)
      {
        w.member ("message", message).member ("job_id", j.job_id)
          .member ("status", to_string (j.status));
      });
    }

    response generate (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      // An operator may keep accounts whose address nobody has proved from queueing work.
      if (c.security.require_verified_email && !p.user_email_verified)
        throw domain_error (error_kind::forbidden, "email_not_verified",
                            "Verify your email address first (the link in the mail we sent; "
                            "POST /api/auth/email/resend sends another)");
      rapidjson::Document b (json_body (r));
      std::string prompt (required_string (b, "prompt"));
      std::int64_t session_id (0);
      optional_integer (b, "session_id", session_id, 1, INT64_MAX);
      queued_job q (c.jobs.create (p, prompt, session_id));
      return success_response (202, [&] (json_writer& w)
      {
        w.member ("job_id", q.job_id).member ("status", to_string (job_status::queued))
          .member ("session_id", q.session_id);
      });
    }

    response status (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      job j (c.jobs.status (p, r.param ("job_id")));
      return success_response (200, [&] (json_writer& w)
      {
        w.key ("job");
        write_job (w, j);
      });
    }

    response select_image (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      rapidjson::Document b (json_body (r));
      std::int64_t index (-1);
      if (!optional_integer (b, "index", index, 0, max_image_count - 1))
        throw invalid_input ("index is required (an integer from 0)");
      return accepted (c.jobs.select_image (p, r.param ("job_id"), static_cast<int> (index)),
                       "The mod is being packaged with the new image");
    }

    response regenerate_images (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      rapidjson::Document b (json_body (r));
      std::int64_t count (0);
      optional_integer (b, "count", count, 1, max_image_count);
      return accepted (c.jobs.regenerate_images (p, r.param ("job_id"), static_cast<int> (count)),
                       "New images are being drawn");
    }

    response image (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      domain_error missing (not_found ("Image not found"));
      std::int64_t index (path_integer (r, "index", 0, missing));
      if (index >= max_image_count)   // and so the int below cannot wrap
        throw missing;
      return file_response (c.jobs.image (p, r.param ("job_id"), static_cast<int> (index)),
                            false);
    }

    response download (api_context& c, request& r)
    {
      token_principal p (authenticate (c, r));
      return file_response (c.jobs.download (p, r.param ("filename")), true);
    }
  }

  void add_job_routes (router& rt, api_context& c)
  {
    rt.add ("POST", "/api/generate-mod", [&c] (request& r) {return generate (c, r);});
    rt.add ("GET", "/api/status/{job_id}", [&c] (request& r) {return status (c, r);});
    rt.add ("POST", "/api/jobs/{job_id}/select-image",
            [&c] (request& r) {return select_image (c, r);});
    rt.add ("POST", "/api/jobs/{job_id}/regenerate-images",
            [&c] (request& r) {return regenerate_images (c, r);});
    rt.add ("GET", "/api/jobs/{job_id}/images/{index}", [&c] (request& r) {return image (c, r);});
    rt.add ("GET", "/downloads/{filename}", [&c] (request& r) {return download (c, r);});
  }
}
