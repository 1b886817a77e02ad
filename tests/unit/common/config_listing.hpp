// What the configuration tests share: the name of every key, and a config written out key by
// key, so that two configs compare with a message that names the keys that differ.
#pragma once

#include <set>
#include <sstream>
#include <string>

#include "../../../src/common/config.hpp"

namespace modforge_test
{
  inline const std::set<std::string>& every_config_key ()
  {
    static const std::set<std::string> keys {
      "database.host", "database.port", "database.name", "database.user", "database.password",
      "database.password_file", "database.connect_timeout", "database.target_session_attrs",
      "database.round_trip_timeout", "http.max_body_bytes", "http.public_url",
      "security.bcrypt_cost", "security.password_min_length", "security.last_used_interval",
      "security.trusted_proxies", "security.password_quality", "security.token_idle_timeout",
      "security.token_max_age", "security.event_retention", "security.require_verified_email",
      "security.reset_token_lifetime", "security.verification_token_lifetime",
      "throttle.pair_failures", "throttle.account_failures", "throttle.address_failures",
      "throttle.window", "throttle.base_delay", "throttle.max_delay",
      "throttle.known_address_age", "throttle.registrations_per_address",
      "throttle.registration_window", "throttle.conflicts_per_address", "throttle.conflict_window",
      "throttle.forgot_per_account", "throttle.forgot_per_address", "throttle.resend_per_account",
      "throttle.mail_window", "files.data_dir",
      "jobs.image_count", "jobs.lease_seconds", "jobs.max_attempts", "jobs.poll_seconds",
      "jobs.analyser_command", "jobs.analyser_timeout", "quotas.jobs_in_flight",
      "quotas.jobs_per_day", "quotas.sessions", "quotas.tokens", "mail.relay", "mail.from",
      "mail.from_name", "mail.starttls", "mail.username", "mail.password_file",
      "mail.connect_timeout", "mail.timeout", "mail.retry_delay", "mail.retry_max_delay",
      "mail.give_up_after", "mail.lease_seconds", "mail.poll_seconds", "metrics.directory"};
    return keys;
  }

  // One "key=value" line per key, in the order of every_config_key's list above.
  inline std::string describe (const modforge::config& c)
  {
    std::ostringstream o;
    o << "database.host=" << c.database.host << "\n"
      << "database.port=";
    for (int p: c.database.ports)
      o << p << " ";
    o << "\n"
      << "database.name=" << c.database.name << "\n"
      << "database.user=" << c.database.user << "\n"
      << "database.password=" << c.database.password << "\n"
      << "database.password_file=" << c.database.password_file << "\n"
      << "database.connect_timeout=" << c.database.connect_timeout_seconds << "\n"
      << "database.target_session_attrs=" << c.database.target_session_attrs << "\n"
      << "database.round_trip_timeout=" << c.database.round_trip_timeout_seconds << "\n"
      << "http.max_body_bytes=" << c.http.max_body_bytes << "\n"
      << "http.public_url=" << c.http.public_url << "\n"
      << "security.bcrypt_cost=" << c.security.bcrypt_cost << "\n"
      << "security.password_min_length=" << c.security.password_min_length << "\n"
      << "security.last_used_interval=" << c.security.last_used_write_interval_seconds << "\n"
      << "security.trusted_proxies=";
    for (const std::string& p: c.security.trusted_proxies)
      o << p << " ";
    o << "\n"
      << "security.password_quality=" << c.security.password_quality << "\n"
      << "security.token_idle_timeout=" << c.security.token_idle_timeout_seconds << "\n"
      << "security.token_max_age=" << c.security.token_max_age_seconds << "\n"
      << "security.event_retention=" << c.security.event_retention_seconds << "\n"
      << "security.require_verified_email=" << c.security.require_verified_email << "\n"
      << "security.reset_token_lifetime=" << c.security.reset_token_lifetime_seconds << "\n"
      << "security.verification_token_lifetime="
      << c.security.verification_token_lifetime_seconds << "\n"
      << "throttle.pair_failures=" << c.throttle.pair_failures << "\n"
      << "throttle.account_failures=" << c.throttle.account_failures << "\n"
      << "throttle.address_failures=" << c.throttle.address_failures << "\n"
      << "throttle.window=" << c.throttle.window_seconds << "\n"
      << "throttle.base_delay=" << c.throttle.base_delay_seconds << "\n"
      << "throttle.max_delay=" << c.throttle.max_delay_seconds << "\n"
      << "throttle.known_address_age=" << c.throttle.known_address_seconds << "\n"
      << "throttle.registrations_per_address=" << c.throttle.registrations_per_address << "\n"
      << "throttle.registration_window=" << c.throttle.registration_window_seconds << "\n"
      << "throttle.conflicts_per_address=" << c.throttle.conflicts_per_address << "\n"
      << "throttle.conflict_window=" << c.throttle.conflict_window_seconds << "\n"
      << "throttle.forgot_per_account=" << c.throttle.forgot_per_account << "\n"
      << "throttle.forgot_per_address=" << c.throttle.forgot_per_address << "\n"
      << "throttle.resend_per_account=" << c.throttle.resend_per_account << "\n"
      << "throttle.mail_window=" << c.throttle.mail_window_seconds << "\n"
      << "files.data_dir=" << c.files.data_dir << "\n"
      << "jobs.image_count=" << c.jobs.image_count << "\n"
      << "jobs.lease_seconds=" << c.jobs.lease_seconds << "\n"
      << "jobs.max_attempts=" << c.jobs.max_attempts << "\n"
      << "jobs.poll_seconds=" << c.jobs.poll_seconds << "\n"
      << "jobs.analyser_command=" << c.jobs.analyser_command << "\n"
      << "jobs.analyser_timeout=" << c.jobs.analyser_timeout_seconds << "\n"
      << "quotas.jobs_in_flight=" << c.quotas.jobs_in_flight << "\n"
      << "quotas.jobs_per_day=" << c.quotas.jobs_per_day << "\n"
      << "quotas.sessions=" << c.quotas.sessions << "\n"
      << "quotas.tokens=" << c.quotas.tokens << "\n"
      << "mail.relay=" << c.mail.relay << "\n"
      << "mail.from=" << c.mail.from << "\n"
      << "mail.from_name=" << c.mail.from_name << "\n"
      << "mail.starttls=" << static_cast<int> (c.mail.starttls) << "\n"
      << "mail.username=" << c.mail.username << "\n"
      << "mail.password_file=" << c.mail.password_file << "\n"
      << "mail.connect_timeout=" << c.mail.connect_timeout_seconds << "\n"
      << "mail.timeout=" << c.mail.timeout_seconds << "\n"
      << "mail.retry_delay=" << c.mail.retry_delay_seconds << "\n"
      << "mail.retry_max_delay=" << c.mail.retry_max_delay_seconds << "\n"
      << "mail.give_up_after=" << c.mail.give_up_after_seconds << "\n"
      << "mail.lease_seconds=" << c.mail.lease_seconds << "\n"
      << "mail.poll_seconds=" << c.mail.poll_seconds << "\n"
      << "metrics.directory=" << c.metrics.directory << "\n";
    return o.str ();
  }
}
