// SMTP through libcurl.
#include "smtp_client.hpp"

#include <cstring>
#include <memory>

#include <curl/curl.h>

namespace modforge
{
  namespace
  {
    // What libcurl reads the message from.
    struct upload
    {
      const std::string& data;
      std::size_t sent;
    };

    extern "C" std::size_t read_message (char* buffer, std::size_t size, std::size_t count,
                                         void* user)
    {
      upload* u (static_cast<upload*> (user));
      std::size_t n (std::min (size * count, u->data.size () - u->sent));
      std::memcpy (buffer, u->data.data () + u->sent, n);
      u->sent += n;
      return n;
    }

    // Keeps the relay's last reply line (libcurl reports SMTP replies as incoming headers), so
    // that a failure says what the relay said, e.g. "451 4.3.0 Try again later".
    extern "C" int watch_replies (CURL*, curl_infotype type, char* data, std::size_t size,
                                  void* user)
    {
      if (type == CURLINFO_HEADER_IN)
      {
        std::string line (data, size);
        while (!line.empty () && (line.back () == '\r' || line.back () == '\n'))
          line.pop_back ();
        if (!line.empty ())
          *static_cast<std::string*> (user) = line;
      }
      return 0;
    }

    struct easy_deleter {void operator() (CURL* c) const {curl_easy_cleanup (c);}};
    struct list_deleter {void operator() (curl_slist* l) const {curl_slist_free_all (l);}};
  }

  smtp_client::smtp_client (const mail_config& c): config_ (c) {}

  smtp_outcome smtp_client::send (const std::string& recipient, const std::string& message) const
  {
    smtp_outcome r;
    std::unique_ptr<CURL, easy_deleter> curl (curl_easy_init ());
    std::unique_ptr<curl_slist, list_deleter> recipients (
      curl_slist_append (nullptr, ("<" + recipient + ">").c_str ()));
    if (curl == nullptr || recipients == nullptr)
    {
      r.error = "libcurl could not start a transfer";
      return r;
    }

    upload body {message, 0};
    std::string last_reply;
    char curl_error[CURL_ERROR_SIZE] = "";
    CURL* h (curl.get ());
    const std::string from ("<" + config_.from + ">");
    curl_easy_setopt (h, CURLOPT_URL, config_.relay.c_str ());
    // Only SMTP, whatever the URL says, and no redirection to anything else.
    curl_easy_setopt (h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt (h, CURLOPT_MAIL_FROM, from.c_str ());
    curl_easy_setopt (h, CURLOPT_MAIL_RCPT, recipients.get ());
    curl_easy_setopt (h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt (h, CURLOPT_READFUNCTION, read_message);
    curl_easy_setopt (h, CURLOPT_READDATA, &body);
    // Threads: no signals for timeouts (and no SIGPIPE from a closed connection).
    curl_easy_setopt (h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt (h, CURLOPT_CONNECTTIMEOUT, static_cast<long> (config_.connect_timeout_seconds));
    curl_easy_setopt (h, CURLOPT_TIMEOUT, static_cast<long> (config_.timeout_seconds));
    curl_easy_setopt (h, CURLOPT_ERRORBUFFER, curl_error);
    curl_easy_setopt (h, CURLOPT_VERBOSE, 1L);
    curl_easy_setopt (h, CURLOPT_DEBUGFUNCTION, watch_replies);
    curl_easy_setopt (h, CURLOPT_DEBUGDATA, &last_reply);

    // smtps:// is TLS from the start and always verified; smtp:// follows mail.starttls.
    switch (config_.starttls)
    {
    case starttls_mode::required:
      curl_easy_setopt (h, CURLOPT_USE_SSL, static_cast<long> (CURLUSESSL_ALL));
      break;
    case starttls_mode::opportunistic:
      // Encryption when the relay offers it, without trusting its certificate: it keeps
      // passive listeners out, and a relay with a self-signed certificate still gets mail.
      curl_easy_setopt (h, CURLOPT_USE_SSL, static_cast<long> (CURLUSESSL_TRY));
      if (config_.relay.compare (0, 8, "smtps://") != 0)
      {
        curl_easy_setopt (h, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt (h, CURLOPT_SSL_VERIFYHOST, 0L);
      }
      break;
    case starttls_mode::off:
      curl_easy_setopt (h, CURLOPT_USE_SSL, static_cast<long> (CURLUSESSL_NONE));
      break;
    }
    if (!config_.username.empty ())
    {
      curl_easy_setopt (h, CURLOPT_USERNAME, config_.username.c_str ());
      curl_easy_setopt (h, CURLOPT_PASSWORD, config_.password.c_str ());
    }

    CURLcode rc (curl_easy_perform (h));
    if (rc == CURLE_OK)
    {
      r.delivered = true;
      return r;
    }
    r.error = *curl_error != '\0' ? curl_error : curl_easy_strerror (rc);
    if (!last_reply.empty () && last_reply[0] >= '4' && last_reply[0] <= '5')
      r.error += " (the relay said: " + last_reply + ")";
    return r;
  }
}
